namespace Hpnna.Robot.Loop;

/// <summary>
/// Simulated time paced by the wall clock: each tick sleeps to its deadline like the robot's loop.
/// <paramref name="speed"/> above 1 runs faster than real time (the world still moves one full period per
/// tick, as an observer of the loop), for tests that need wall-clock time to pass between ticks, such as
/// commands arriving over a link mid-run.
/// </summary>
public sealed class PacedTickSource(double period, double speed) : ITickSource
{
    private readonly MonotonicTickSource _clock = new(period / speed);

    public double Period { get; } = period;

    public Tick WaitForNext()
    {
        var tick = _clock.WaitForNext();
        return tick with { Time = tick.Index * Period, Lateness = tick.Lateness * speed };
    }
}
