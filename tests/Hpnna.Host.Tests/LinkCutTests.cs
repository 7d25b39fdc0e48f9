using Hpnna.Devices.Arcos;
using Hpnna.Host.Backends;
using Hpnna.Host.Configuration;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Loop;

namespace Hpnna.Host.Tests;

/// <summary>
/// Link cuts in the simulator, as the hardware-in-the-loop rig makes them on the serial line: while the link
/// is down the base is not ready and the loop holds, but the robot runs its last command blind until its
/// firmware's watchdog stops it. Every goal, a 3 s cut at every 1.5 s of the first 20 s of the run.
/// </summary>
[Collection(WholeMachine.Name)]
public sealed class LinkCutTests
{
    private const double CutSeconds = 3;

    private static readonly string[] GoalNames = [.. Enumerable.Range(1, 8).Select(g => $"G{g}")];

    public static TheoryData<string> Goals => [.. GoalNames];

    [Theory]
    [MemberData(nameof(Goals))]
    public void With_the_deployed_half_second_watchdog_every_cut_leaves_the_robot_on_its_way_to_its_goal(string goal)
    {
        var failures = CutTimes.Select(at => Run(goal, at, ArcosClientOptions.LongestSafeWatchdog.TotalSeconds)).Where(r => !r.Succeeded).ToList();

        Assert.True(failures.Count == 0, string.Join("; ", failures.Select(f => f.Outcome)));
    }

    [Fact]
    public void With_the_factory_2_s_watchdog_the_blind_drift_alone_crashes_the_robot_at_some_cut_times()
    {
        var runs = GoalNames.SelectMany(g => CutTimes.Select(at => Run(g, at, 2.0))).ToList();

        // The controller is the same; only the drift is longer. This is why firmware-config asks for 500 ms.
        Assert.Contains(runs, r => r.Outcome.Contains("crashed", StringComparison.Ordinal));
    }

    private static IEnumerable<double> CutTimes => Enumerable.Range(0, 13).Select(i => 2 + 1.5 * i);

    private static (bool Succeeded, string Outcome) Run(string goal, double cutAt, double watchdogSeconds)
    {
        var settings = new ControllerSettings { Goal = goal, Simulator = new SimulatorSettings { Lambda = 3, TimeLimitSeconds = 120 } };
        using var backend = new SimulatorBackend(settings);
        var link = new CutLink(backend.Hardware, backend.Clock.Period, cutAt, CutSeconds, watchdogSeconds);
        var loop = new ControlLoop(new ControlTick(link, SimulatorRun.ShippedController(goal, backend), backend.Clock.Period), backend.Clock, [.. backend.Observers]);
        while (!loop.RunOnce())
        {
        }

        return (backend.Judge.Succeeded && link.CutWasSeen, $"{goal}, cut at {cutAt} s: {(link.CutWasSeen ? backend.Judge.Outcome : "ended before the cut")}");
    }

    /// <summary>
    /// The link to a base that is cut for a while: not ready meanwhile, and commands do not arrive, so the
    /// base runs the last one it got until its watchdog stops it.
    /// </summary>
    private sealed class CutLink(IRobotHardware robot, double period, double cutAt, double cutSeconds, double watchdogSeconds) : IRobotHardware
    {
        private int _ticks;

        public bool CutWasSeen { get; private set; }

        public SensorLayout Layout => robot.Layout;

        private double Time => _ticks * period;

        private bool Cut => Time >= cutAt && Time < cutAt + cutSeconds;

        public void Write(in DriveCommand command)
        {
            if (Cut)
            {
                CutWasSeen = true;
                if (Time >= cutAt + watchdogSeconds)
                {
                    robot.Stop();
                }
            }
            else
            {
                robot.Write(command);
            }

            _ticks++;
        }

        public void Stop() => robot.Stop();

        public void Read(SensorFrame frame)
        {
            robot.Read(frame);
            frame.BaseReady = !Cut;
        }
    }
}
