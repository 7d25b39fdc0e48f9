using System.Diagnostics;

namespace Hpnna.Robot.Loop;

/// <summary>
/// The fixed-step loop, as ros2_control's manager runs it: at every deadline of the clock one
/// <see cref="ControlTick"/> (read, update, write), then its observers (a simulated world's physics and judge).
/// A tick allocates nothing and waits on nothing but the clock. Whatever ends the loop (cancellation, a stop
/// request, an observer ending the run, an exception) the robot is commanded to stop first.
/// </summary>
public sealed class ControlLoop
{
    private readonly ITickSource _clock;
    private readonly ITickObserver[] _observers;
    private volatile bool _stopRequested;

    public ControlLoop(ControlTick tick, ITickSource clock, params ITickObserver[] observers)
    {
        Tick = tick;
        _clock = clock;
        _observers = observers;
        Metrics = new LoopMetrics(clock.Period, clock.Period * 0.2);
    }

    /// <summary>The tick this loop runs: its frame, holds and last setpoint.</summary>
    public ControlTick Tick { get; }

    public LoopMetrics Metrics { get; }

    /// <summary>Asks the loop to end after the current tick (any thread).</summary>
    public void RequestStop() => _stopRequested = true;

    /// <summary>Runs until cancelled, stopped or an observer ends the run, on the calling thread; returns the number of ticks run.</summary>
    public long Run(CancellationToken cancellation)
    {
        try
        {
            while (!cancellation.IsCancellationRequested && !_stopRequested)
            {
                RunOnce();
            }
        }
        finally
        {
            Tick.Stop();
        }

        return Metrics.Ticks;
    }

    /// <summary>One period: wait for the clock's next deadline, run the tick, then its observers. Returns true once an observer has ended the run.</summary>
    public bool RunOnce()
    {
        var tick = _clock.WaitForNext();
        var started = Stopwatch.GetTimestamp();
        Tick.Step(tick.Index, tick.Time);
        Metrics.Record(tick, Stopwatch.GetElapsedTime(started).TotalSeconds);
        foreach (var observer in _observers)
        {
            _stopRequested |= observer.AfterTick(tick);
        }

        return _stopRequested;
    }
}
