namespace Hpnna.Robot.Loop;

/// <summary>
/// Virtual time: each tick first lets the world advance by one period (<paramref name="advance"/>, e.g. the
/// simulator's physics), then returns at once. Runs as fast as the machine allows and is fully deterministic.
/// </summary>
public sealed class VirtualTickSource(double period, Action<double>? advance = null) : ITickSource
{
    private long _index = -1;

    public double Period { get; } = period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "the control period must be positive");

    public Tick WaitForNext()
    {
        if (_index >= 0)
        {
            advance?.Invoke(Period);
        }

        _index++;
        return new Tick(_index, _index * Period, 0, 0);
    }
}
