using System.Globalization;
using Hpnna.Hil.Rig.Scenarios;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Hil.Rig.Laps;

/// <summary>
/// Decides when a lap is over and whether it passed. Expecting a goal: the commanded goal reached without a
/// crash within the time limit. Expecting a stop (a fault the controller must answer by stopping, such as a
/// dead sonar): the robot at rest within the allowed time of the fault's start, and still at rest
/// <see cref="RestToJudge"/> later, without a crash.
/// </summary>
internal sealed class LapJudge(Scenario scenario, World world)
{
    private const double RestToJudge = 2;

    private readonly double _faultAt = scenario.Faults.Where(f => f.Kind != "battery").Select(f => f.At).DefaultIfEmpty(0).Min();
    private double? _restSince;

    public void StartLap() => _restSince = null;

    /// <summary>Null while the lap goes on; else whether it passed and how it ended.</summary>
    public (bool Passed, string Outcome)? Judge(SimulatedRobot robot, string goal, double lapTime, double runTime)
    {
        if (scenario.Pass.Expect == "stop")
        {
            return JudgeStop(robot, lapTime, runTime);
        }

        return EpisodeJudge.Judge(world, robot, goal, lapTime, scenario.TimeLimitSeconds, out var reached) switch
        {
            null => null,
            EpisodeOutcome.Crash => (false, "crashed"),
            EpisodeOutcome.GoalReached => (true, $"reached {reached}"),
            EpisodeOutcome.WrongGoal => (false, $"reached the wrong goal {reached} (expected {goal})"),
            _ => (false, $"timed out after {scenario.TimeLimitSeconds:0} s"),
        };
    }

    private (bool, string)? JudgeStop(SimulatedRobot robot, double lapTime, double runTime)
    {
        if (robot.Crashed)
        {
            return (false, "crashed");
        }

        var odometry = robot.Odometry;
        var atRest = Math.Abs(odometry.Linear) < 1e-3 && Math.Abs(odometry.Angular) < 1e-3;
        _restSince = atRest && runTime >= _faultAt ? _restSince ?? runTime : null;
        if (_restSince is { } since && runTime - since >= RestToJudge)
        {
            var after = since - _faultAt;
            return after <= scenario.Pass.StopWithinSeconds
                ? (true, string.Create(CultureInfo.InvariantCulture, $"stopped {after:0.0} s after the fault"))
                : (false, string.Create(CultureInfo.InvariantCulture, $"stopped only {after:0.0} s after the fault (allowed {scenario.Pass.StopWithinSeconds} s)"));
        }

        return lapTime >= scenario.TimeLimitSeconds ? (false, "never stopped after the fault") : null;
    }
}
