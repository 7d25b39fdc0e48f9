namespace Hpnna.Robot.Loop;

/// <summary>
/// A simulated world paced by the wall clock: each tick sleeps to its deadline like the robot's loop, then
/// advances the world by one control period. <paramref name="speed"/> above 1 runs faster than real time
/// (the world still moves one full period per tick), for tests that need wall-clock time to pass between
/// ticks, such as commands arriving over a link mid-run.
/// </summary>
public sealed class PacedTickSource(double period, double speed, Action<double> advance) : ITickSource
{
    private readonly MonotonicTickSource _clock = new(period / speed);
    private bool _started;

    public double Period { get; } = period;

    public Tick WaitForNext()
    {
        var tick = _clock.WaitForNext();
        if (_started)
        {
            advance(Period);
        }

        _started = true;
        return tick with { Time = tick.Index * Period, Lateness = tick.Lateness * speed };
    }
}
