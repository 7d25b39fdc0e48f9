using System.Globalization;
using Hpnna.Arcos.Links;
using Hpnna.Hil.Rig.Faults;
using Hpnna.Hil.Rig.Scenarios;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Rendering;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Hil.Rig;

/// <summary>How a rig run ended.</summary>
public sealed record RigResult(string Scenario, bool Passed, string Outcome, double? TimeToGoal, double? LongestStopAfterCut, long GarbageBytes, int WatchdogStops, int Sessions)
{
    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"scenario {Scenario}: {(Passed ? "PASS" : "FAIL")}: {Outcome}; time to goal {(TimeToGoal is { } t ? $"{t:0.0} s" : "-")}; stop after link cut {(LongestStopAfterCut is { } s ? $"{s:0.0} s" : "-")}; garbage bytes {GarbageBytes}; watchdog stops {WatchdogStops}; sessions {Sessions}");
}

/// <summary>
/// One scenario on one link: the ARCOS emulator serves the controller in real time while faults come and
/// go on schedule; the run ends at a goal, a crash or the time limit, and is judged against the pass criteria.
/// A trace CSV is written as the run goes (a live view for the bench), a PNG of the path at the end.
/// </summary>
public sealed class RigRun(Scenario scenario, int baudRate, string? tracePath, string? pngPath)
{
    private const double TraceEvery = 0.1;

    public RigResult Run(IByteLink link, CancellationToken cancellation)
    {
        var maze = TMazeGenerator.Generate(new TMazeSpec(3, MazeScale.Default.DeltaFor(scenario.Lambda), TMazeSpec.DefaultWidth));
        var robot = new SimulatedRobot(maze.World, PioneerModel.P3Dx, SonarLayouts.PioneerFrontRing, new SonarNoise(scenario.SonarNoise), 0, scenario.Seed);
        var emulator = new ArcosRobotEmulator(robot, new EmulatorSettings(SipCycle: TimeSpan.FromMilliseconds(scenario.SipCycleMilliseconds), BaudRate: baudRate));
        var faulty = new FaultyLink(link, scenario.Seed);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var trace = tracePath is null ? null : new StreamWriter(tracePath) { AutoFlush = false };
        trace?.WriteLine("time,x,y,heading,linear,angular,open,motors,watchdog,cut,stall");
        var path = new List<Pose2D> { robot.Pose };
        var passGoal = scenario.Pass.Goal ?? scenario.Goal;
        string? outcome = null;
        var passed = false;
        double? reachedAt = null;
        double? longestStop = null;
        double? cutStarted = null;
        var wasCut = false;
        var nextTrace = 0.0;

        emulator.AfterStep = (session, body, time) =>
        {
            // Time from each link cut's start until the firmware stops the robot (its watchdog trips; it then decelerates).
            var cut = scenario.Faults.Any(f => f.Kind == "link-cut" && f.ActiveAt(time));
            if (cut && !wasCut)
            {
                cutStarted = time;
            }

            if (cutStarted is { } since && (session.WatchdogTripped || !session.MotorsEnabled || !cut))
            {
                longestStop = Math.Max(longestStop ?? 0, time - since);
                cutStarted = null;
            }

            wasCut = cut;
            faulty.Cut = cut;
            foreach (var fault in scenario.Faults)
            {
                if (fault.Kind == "garbage" && fault.ActiveAt(time) && faulty.NextDouble() < fault.Rate)
                {
                    faulty.InjectGarbage();
                }
                else if (fault.Kind == "battery" && time >= fault.At)
                {
                    session.Battery = (byte)Math.Clamp(fault.Volts * 10, 0, 255);
                }
            }

            session.ForceStall = scenario.Faults.Any(f => f.Kind == "stall" && f.ActiveAt(time));
            if (time >= nextTrace)
            {
                nextTrace += TraceEvery;
                var pose = body.Pose;
                path.Add(pose);
                var odometry = body.ReadOdometry();
                trace?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time:0.00},{pose.X:0.000},{pose.Y:0.000},{pose.Heading:0.000},{odometry.Linear:0.000},{odometry.Angular:0.000},{session.IsOpen},{session.MotorsEnabled},{session.WatchdogTripped},{cut},{session.ForceStall}"));
                trace?.Flush();
            }

            if (outcome is not null)
            {
                return;
            }

            if (EpisodeJudge.Judge(maze.World, body, passGoal, time, scenario.TimeLimitSeconds, out var goal) is not { } ended)
            {
                return;
            }

            reachedAt = goal is null ? null : time;
            passed = ended == EpisodeOutcome.GoalReached;
            outcome = ended switch
            {
                EpisodeOutcome.Crash => "crashed",
                EpisodeOutcome.GoalReached => $"reached {goal}",
                EpisodeOutcome.WrongGoal => $"reached the wrong goal {goal} (expected {passGoal})",
                _ => $"timed out after {scenario.TimeLimitSeconds:0} s",
            };
            stop.Cancel();
        };

        try
        {
            emulator.Serve(faulty, stop.Token);
        }
        catch (LinkLostException e)
        {
            outcome ??= $"controller link lost: {e.Message}";
        }

        outcome ??= "stopped before the end";
        var stopOk = longestStop is null || longestStop <= scenario.Pass.StopWithinSeconds;
        var status = emulator.Status;
        passed &= stopOk && !(scenario.Pass.NoCrash && status.Crashed);
        if (!stopOk)
        {
            outcome += string.Create(CultureInfo.InvariantCulture, $"; robot not stopped by the firmware within {scenario.Pass.StopWithinSeconds} s of a link cut");
        }

        if (pngPath is not null)
        {
            MazePicture.SavePng(maze.World, [new Trajectory($"HIL {scenario.Name}", path)], $"{scenario.Name}: {outcome}", pngPath);
        }

        return new RigResult(scenario.Name, passed, outcome, reachedAt, longestStop, faulty.GarbageBytes, status.WatchdogTrips, status.Sessions);
    }
}
