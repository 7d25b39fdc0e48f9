using Hpnna.Host.Backends;
using Hpnna.Host.Configuration;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Robot.Loop;
using Hpnna.Robot.Sensing;

namespace Hpnna.Host.Tests;

public sealed class ControlLoopTests
{
    [Fact]
    public void A_tick_allocates_nothing_over_a_long_run()
    {
        var settings = new ControllerSettings { Goal = "G6", Simulator = new SimulatorSettings { TimeLimitSeconds = 1000 } };
        using var backend = new SimulatorBackend(settings);
        var loop = SimulatorRun.ShippedLoop("G6", backend);

        // The clock, read, step, write, then the world's physics and the judge: 10,000 periods after a warm-up.
        for (var i = 0; i < 300; i++)
        {
            loop.RunOnce();
        }

        // The one allocation allowed is the run's result, once, on the tick where the run ends (G6 is reached
        // after about 600 ticks; the loop keeps reading, stepping and writing afterwards).
        var allocated = 0L;
        for (var i = 0; i < 10_000; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var wasFinished = backend.Judge.Finished;
            loop.RunOnce();
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            allocated += backend.Judge.Finished == wasFinished ? bytes : 0;
        }

        Assert.True(backend.Judge.Succeeded, backend.Judge.Outcome);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Cancelling_or_a_fault_in_the_loop_stops_the_robot_first()
    {
        var hardware = new RecordingHardware();
        var cancel = new CancellationTokenSource();
        var loop = new ControlLoop(new ControlTick(hardware, new Throwing(after: 5), 0.05), new VirtualTickSource(0.05));
        Assert.Throws<InvalidOperationException>(() => loop.Run(cancel.Token));
        Assert.Equal(5, hardware.Writes);
        Assert.True(hardware.Stopped);

        var stopped = new RecordingHardware();
        var ticking = new ControlLoop(new ControlTick(stopped, new Throwing(after: int.MaxValue), 0.05), new VirtualTickSource(0.05), new CancelAt(9, cancel));
        Assert.Equal(10, ticking.Run(cancel.Token));
        Assert.True(stopped.Stopped);
    }

    [Fact]
    public void While_the_base_is_not_ready_the_tick_writes_stops_and_the_controller_waits()
    {
        var hardware = new RecordingHardware { IsReady = false };
        var tick = new ControlTick(hardware, new Throwing(after: 3), 0.05);
        for (var i = 0; i < 20; i++)
        {
            tick.Step(i, i * 0.05);
        }

        // Twenty ticks while the link is down: stops only, and the controller never ran (it would throw after 3 updates).
        Assert.Equal((20, 0), (hardware.Writes, hardware.MovingWrites));
        Assert.False(tick.RobotReady);

        hardware.IsReady = true;
        tick.Step(20, 1.0);
        Assert.Equal(1, hardware.MovingWrites);
        Assert.True(tick.RobotReady);
    }

    [Fact]
    public void A_restart_request_resets_the_controller_once_at_the_next_tick_boundary()
    {
        var controller = new Throwing(after: 3);
        var tick = new ControlTick(new RecordingHardware(), controller, 0.05);
        for (var i = 0; i < 3; i++)
        {
            tick.Step(i, i * 0.05);
        }

        // A request from another thread is taken by the control thread before its next update, and only once.
        var link = new Thread(tick.RequestRestart);
        link.Start();
        link.Join();
        Assert.Equal(0, controller.Resets);
        for (var i = 3; i < 6; i++)
        {
            tick.Step(i, i * 0.05);
        }

        Assert.Equal(1, controller.Resets);
        Assert.Throws<InvalidOperationException>(() => tick.Step(6, 0.3));
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

    /// <summary>Hardware whose ring sees walls 1 m away all round, counting what the tick writes.</summary>
    private sealed class RecordingHardware : IRobotHardware
    {
        public SensorLayout Layout => PioneerSonarRing.Front;

        public int Writes { get; private set; }

        public int MovingWrites { get; private set; }

        public bool Stopped { get; private set; }

        public bool IsReady { get; set; } = true;

        public void Read(SensorFrame frame)
        {
            frame.Ranges.Fill(new SonarReading(1.0, true));
            frame.BaseReady = IsReady;
        }

        public void Write(in DriveCommand command)
        {
            Writes++;
            MovingWrites += command == DriveCommand.Stop ? 0 : 1;
        }

        public void Stop() => Stopped = true;
    }

    private sealed class CancelAt(long index, CancellationTokenSource cancel) : ITickObserver
    {
        public bool AfterTick(in Tick tick)
        {
            if (tick.Index == index)
            {
                cancel.Cancel();
            }

            return false;
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

        public DriveCommand Update(SensorFrame frame) =>
            ++_updates > after ? throw new InvalidOperationException("controller fault") : new DriveCommand(0.1, 0);
    }
}
