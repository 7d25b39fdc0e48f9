using Hpnna.Host.Backends;
using Hpnna.Host.Configuration;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hpnna.Host.Tests;

public sealed class ControlLoopTests
{
    [Fact]
    public void A_tick_allocates_nothing_over_a_long_run()
    {
        var settings = new ControllerSettings { Goal = "G6", Simulator = new SimulatorSettings { TimeLimitSeconds = 1000 } };
        using var backend = new SimulatorBackend(settings, NullLogger.Instance);
        var controller = SimulatorRun.ShippedController("G6", backend);
        var loop = new ControlLoop(backend.Sonars, backend.Drive, controller, backend.Clock);

        // Read, step, write, and the clock (which advances the simulated world): 10,000 ticks after a warm-up.
        for (var i = 0; i < 300; i++)
        {
            SimulatorRun.Tick(loop, backend);
        }

        // The one allocation allowed is the outcome text, once, on the tick where the run ends (G6 is reached
        // after about 600 ticks; the loop keeps reading, stepping and writing afterwards).
        var allocated = 0L;
        for (var i = 0; i < 10_000; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var wasFinished = backend.Finished;
            SimulatorRun.Tick(loop, backend);
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated += backend.Finished == wasFinished ? bytes : 0;
        }

        Assert.True(backend.Finished);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Cancelling_or_a_fault_in_the_loop_stops_the_robot_first()
    {
        var drive = new RecordingDrive();
        var cancel = new CancellationTokenSource();
        var loop = new ControlLoop(new NoSonars(), drive, new Throwing(after: 5), new VirtualTickSource(0.05));
        Assert.Throws<InvalidOperationException>(() => loop.Run(cancel.Token));
        Assert.Equal(5, drive.Writes);
        Assert.True(drive.Stopped);

        var stopped = new RecordingDrive();
        var ticking = new ControlLoop(new NoSonars(), stopped, new Throwing(after: int.MaxValue), new VirtualTickSource(0.05));
        ticking.AfterTick = t =>
        {
            if (t.Index == 9)
            {
                cancel.Cancel();
            }
        };
        Assert.Equal(10, ticking.Run(new CancellationTokenSource().Token is var _ ? cancel.Token : default));
        Assert.True(stopped.Stopped);
    }

    [Fact]
    public void While_the_base_is_not_ready_the_loop_writes_stops_and_the_controller_waits()
    {
        var drive = new RecordingDrive { IsReady = false };
        var loop = new ControlLoop(new NoSonars(), drive, new Throwing(after: 3), new VirtualTickSource(0.05));
        for (var i = 0; i < 20; i++)
        {
            loop.Step();
        }

        // Twenty ticks while the link is down: stops only, and the controller never ran (it would throw after 3 updates).
        Assert.Equal((20, 0), (drive.Writes, drive.MovingWrites));
        Assert.False(loop.RobotReady);

        drive.IsReady = true;
        loop.Step();
        Assert.Equal(1, drive.MovingWrites);
        Assert.True(loop.RobotReady);
    }

    [Fact]
    public void A_restart_request_resets_the_controller_once_at_the_next_tick_boundary()
    {
        var controller = new Throwing(after: 3);
        var loop = new ControlLoop(new NoSonars(), new RecordingDrive(), controller, new VirtualTickSource(0.05));
        for (var i = 0; i < 3; i++)
        {
            loop.Step();
        }

        // A request from another thread is taken by the control thread before its next update, and only once.
        var link = new Thread(loop.RequestRestart);
        link.Start();
        link.Join();
        Assert.Equal(0, controller.Resets);
        for (var i = 0; i < 3; i++)
        {
            loop.Step();
        }

        Assert.Equal(1, controller.Resets);
        Assert.Throws<InvalidOperationException>(loop.Step);
    }

    [Fact]
    public void The_monotonic_clock_skips_whole_missed_periods_instead_of_bursting()
    {
        var clock = new MonotonicTickSource(0.01);
        clock.WaitForNext();
        Thread.Sleep(55);
        var late = clock.WaitForNext();
        Assert.True(late.Skipped >= 4, $"skipped {late.Skipped}");
        Assert.True(late.Skipped + 1 == late.Index, $"index {late.Index}, skipped {late.Skipped}, time {late.Time}, lateness {late.Lateness}");
        Assert.True(late.Overran, "the loop came back 55 ms after a 10 ms deadline: an overrun, not a late wake-up");
        // No burst: the next tick is the next deadline (plus any whole periods a loaded machine missed again).
        var next = clock.WaitForNext();
        Assert.Equal(late.Index + 1 + next.Skipped, next.Index);
        Assert.Equal(next.Index * 0.01, next.Time, 6);
    }

    private sealed class RecordingDrive : IDriveBase
    {
        public int Writes { get; private set; }

        public int MovingWrites { get; private set; }

        public bool Stopped { get; private set; }

        public bool IsReady { get; set; } = true;

        public void Write(in DriveCommand command)
        {
            Writes++;
            MovingWrites += command == DriveCommand.Stop ? 0 : 1;
        }

        public void Stop() => Stopped = true;

        public Odometry ReadOdometry() => default;
    }

    private sealed class NoSonars : ISonarArray
    {
        public IReadOnlyList<SonarSpec> Sensors { get; } = [];

        public void Read(Span<SonarReading> destination)
        {
        }
    }

    private sealed class Throwing(int after) : IController
    {
        private int _updates;

        public string Activity => "test";

        public int Resets { get; private set; }

        public void Reset()
        {
            _updates = 0;
            Resets++;
        }

        public DriveCommand Update(ReadOnlySpan<SonarReading> readings, in Odometry odometry) =>
            ++_updates > after ? throw new InvalidOperationException("controller fault") : new DriveCommand(0.1, 0);
    }
}
