using System.Globalization;
using Hpnna.Common.Links;
using Hpnna.Hil.Rig.Faults;
using Hpnna.Hil.Rig.Laps;
using Hpnna.Hil.Rig.Scenarios;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Gpio;
using Hpnna.Simulation.Mazes;
using Hpnna.Rendering;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Hil.Rig;

/// <summary>
/// One scenario on one link: the ARCOS emulator serves the controller in real time while faults come and
/// go on schedule; each lap ends at a goal, a crash or its time limit and is judged; between laps the
/// <see cref="LapDirector"/> puts the robot back over the controller's command link. A trace CSV is written
/// as the run goes (a live view for the bench), a PNG of the paths at the end.
/// </summary>
/// <param name="director">The controller's command link, needed for more than one lap and for the controller's timing figures.</param>
/// <param name="untilClosed">After the verdict, keep serving until the controller closes its session (so that every packet it sent is counted).</param>
/// <param name="realtimePriority">SCHED_FIFO priority of the serving loop, 0 for normal scheduling; judging and drawing afterwards run normally.</param>
/// <param name="sonarFeed">For a robot with HC-SR04 modules: where the modules' echoes go to the controller's simulated GPIO.</param>
internal sealed class RigRun(Scenario scenario, int baudRate, string? tracePath, string? pngPath, Func<ArcosRobotEmulator, LapDirector>? director, bool untilClosed, int realtimePriority, SonarFeed.Server? sonarFeed)
{
    private const double TraceEvery = 0.1;

    // A rig that did not run for this long pauses the robot's world (reported as rig stalls): the test is of the controller, not of the machine.
    private static readonly TimeSpan StallLimit = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Serves until the verdict (printed at once as one line), and with <c>untilClosed</c> until the controller's CLOSE.</summary>
    public RigResult Run(IByteLink link, CancellationToken cancellation)
    {
        var maze = TMazeGenerator.Depth3(scenario.Lambda);
        var robot = new SimulatedRobot(maze.World, PioneerModel.P3Dx, scenario.Layout, new SonarNoise(scenario.SonarNoise), 0, scenario.Seed);
        var emulator = new ArcosRobotEmulator(robot, new EmulatorSettings(SipCycle: TimeSpan.FromMilliseconds(scenario.SipCycleMilliseconds), Watchdog: TimeSpan.FromMilliseconds(scenario.WatchdogMilliseconds), BaudRate: baudRate, PauseOverStalls: StallLimit));
        var faulty = new FaultyLink(link, scenario.Seed);
        var faults = new FaultInjector(scenario.Faults, faulty);
        var judge = new LapJudge(scenario, maze.World);
        using var laps = director?.Invoke(emulator);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var trace = tracePath is null ? null : new StreamWriter(tracePath) { AutoFlush = false };
        trace?.WriteLine("time,x,y,heading,linear,angular,open,motors,watchdog,cut,stall,lap");
        var paths = new List<List<Pose2D>> { new() { robot.Pose } };
        var lapResults = new List<LapResult>();
        var lapStart = 0.0;
        var resetting = false;
        string? failure = null;
        RigResult? result = null;
        var nextTrace = 0.0;
        Thread? finisher = null;

        emulator.AfterStep = (session, body, time) =>
        {
            faults.Apply(session, time);
            sonarFeed?.Publish(body.SonarReadings, session.SonarFaults);
            laps?.PlaceIfAsked(() => body.PlaceAt(maze.World.Start));
            if (time >= nextTrace)
            {
                nextTrace += TraceEvery;
                var pose = body.Pose;
                paths[^1].Add(pose);
                var odometry = body.Odometry;
                trace?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{time:0.00},{pose.X:0.000},{pose.Y:0.000},{pose.Heading:0.000},{odometry.Linear:0.000},{odometry.Angular:0.000},{session.IsOpen},{session.MotorsEnabled},{session.WatchdogTripped},{faults.Cut},{session.ForceStall},{lapResults.Count + 1}"));
                trace?.Flush();
            }

            if (finisher is not null)
            {
                return;
            }

            if (resetting)
            {
                if (!laps!.Done)
                {
                    return;
                }

                resetting = false;
                failure ??= laps.Failure;
                lapStart = time;
                judge.StartLap();
                paths.Add([body.Pose]);
            }

            var lap = lapResults.Count;
            var goal = scenario.GoalOfLap(lap);
            var passGoal = lap == 0 ? scenario.Pass.Goal ?? goal : goal;
            if (failure is null)
            {
                if (judge.Judge(body, passGoal, time - lapStart, time) is not var (lapPassed, outcome))
                {
                    return;
                }

                var lapResult = new LapResult(lap + 1, passGoal, lapPassed, outcome, time - lapStart, lapPassed && scenario.Pass.Expect == "goal");
                lapResults.Add(lapResult);
                if (scenario.Laps > 1)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rig: lap {lapResult.Lap}/{scenario.Laps} {lapResult.Goal}: {outcome} in {lapResult.Seconds:0.0} s"));
                }

                if (lapResults.Count < scenario.Laps)
                {
                    resetting = true;
                    laps!.BeginReset(scenario.GoalOfLap(lapResults.Count));
                    return;
                }
            }

            // The verdict is given off the serving thread: asking the controller for its figures takes a round trip, and the robot must go on being served meanwhile.
            finisher = new Thread(() =>
            {
                result = Judge(lapResults, failure, faults, faulty, emulator.Status, Status(laps));
                Console.WriteLine(result.Line);
                if (untilClosed)
                {
                    WaitForClose(emulator, cancellation);
                }

                stop.Cancel();
            }) { IsBackground = true, Name = "rig verdict" };
            finisher.Start();
        };

        var refused = realtimePriority == 0 ? "off" : RealtimeScheduling.TryEnableFifo(realtimePriority);
        Console.WriteLine($"rig: serving thread scheduling {RealtimeScheduling.Describe(realtimePriority, refused)}");
        try
        {
            emulator.Serve(faulty, stop.Token);
        }
        catch (LinkLostException e)
        {
            failure ??= $"controller link lost: {e.Message}";
        }
        finally
        {
            if (refused is null)
            {
                RealtimeScheduling.ReturnToNormal();
            }
        }

        finisher?.Join();
        result ??= Judge(lapResults, failure ?? "stopped before the end", faults, faulty, emulator.Status, null);
        if (finisher is null)
        {
            Console.WriteLine(result.Line);
        }

        if (pngPath is not null)
        {
            MazePicture.SavePng(maze.World, [.. paths.Select((p, i) => new Trajectory($"lap {i + 1}", p))], $"{scenario.Name}: {result.Outcome}", pngPath);
        }

        return result;
    }

    private RigResult Judge(List<LapResult> laps, string? failure, FaultInjector faults, FaultyLink line, EmulatorStatus status, string? controllerStatus)
    {
        var problems = new List<string>();
        if (failure is not null)
        {
            problems.Add(failure);
        }

        var failed = laps.Where(l => !l.Passed).ToList();
        problems.AddRange(failed.Select(l => scenario.Laps > 1 ? $"lap {l.Lap} ({l.Goal}): {l.Outcome}" : l.Outcome));
        if (faults.LongestStopAfterCut > scenario.Pass.StopWithinSeconds)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"robot not stopped by the firmware within {scenario.Pass.StopWithinSeconds} s of a link cut"));
        }

        if (scenario.Pass.NoStaleCommands && status.StaleMotionCommands > 0)
        {
            problems.Add($"{status.StaleMotionCommands} motion commands from before a link loss reached the robot");
        }

        var passed = problems.Count == 0 && laps.Count == scenario.Laps;
        var outcome = passed
            ? scenario.Laps == 1 ? laps[0].Outcome : $"all {laps.Count} laps reached their goals"
            : string.Join("; ", problems.DefaultIfEmpty("stopped before the end"));
        return new RigResult(scenario.Name, passed, outcome, [.. laps], faults.LongestStopAfterCut, line.GarbageBytes, status.WatchdogTrips, status.Sessions, status.StaleMotionCommands, status.ChecksumErrors, status.Stalls, status.LongestStall, controllerStatus);
    }

    private static string? Status(LapDirector? laps)
    {
        try
        {
            return laps?.Command("STATUS")["OK STATUS ".Length..];
        }
        catch (IOException e)
        {
            return $"(no status: {e.Message})";
        }
    }

    private static void WaitForClose(ArcosRobotEmulator emulator, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + CloseTimeout;
        while (emulator.Status.Open && DateTime.UtcNow < deadline && !cancellation.IsCancellationRequested)
        {
            Thread.Sleep(20);
        }

        var status = emulator.Status;
        Console.WriteLine(status.Open
            ? $"rig: the controller did not close its session within {CloseTimeout.TotalSeconds:0} s"
            : $"rig: the controller closed its session; the robot received {status.CommandsReceived} packets ({status.ChecksumErrors} with checksum errors) in {status.Sessions} sessions");
    }
}
