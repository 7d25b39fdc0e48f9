using Hpnna.Robot.Loop;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Episodes;

/// <summary>
/// Judges a simulated maze run after each tick's physics (<see cref="EpisodeJudge"/>: a crash, a goal region,
/// the time limit) and ends it with an <see cref="EpisodeResult"/>. The same judge serves episodes and the
/// host's simulator backend. Allocation-free until the run ends.
/// </summary>
public sealed class RunJudge(World world, SimulatedRobot robot, string? commandedGoal, double period, double timeLimit) : IRunJudge
{
    private volatile string? _goal = commandedGoal;

    /// <summary>The commanded goal (null: any goal counts).</summary>
    public string? Goal => _goal;

    /// <summary>Set once the run has ended.</summary>
    public EpisodeResult? Result { get; private set; }

    public bool Finished => Result is not null;

    public bool Succeeded => Result?.Success == true;

    public string Outcome => Result is not { } result ? "running" : Describe(result, _goal);

    public void GoalChanged(string goal) => _goal = goal;

    /// <summary>Judges the world as the physics after tick <paramref name="tick"/> left it, one period after the tick's time.</summary>
    public bool AfterTick(in Tick tick)
    {
        if (Result is not null)
        {
            return true;
        }

        var time = tick.Time + period;
        if (EpisodeJudge.Judge(world, robot, _goal, time, timeLimit, out var reached) is { } outcome)
        {
            robot.Stop();
            Result = new EpisodeResult(outcome, reached, time, robot.Distance, (int)(tick.Index + 1), robot.Clearance);
        }

        return Result is not null;
    }

    internal static string Describe(EpisodeResult result, string? goal)
    {
        var what = result.Outcome switch
        {
            EpisodeOutcome.Crash => "crashed",
            EpisodeOutcome.GoalReached => $"reached {result.Goal}",
            EpisodeOutcome.WrongGoal => $"reached the wrong goal {result.Goal} (commanded {goal})",
            _ => "timed out",
        };
        return $"{what} after {result.Time:0.0} s ({result.Ticks} ticks), {result.Distance:0.0} m driven";
    }
}
