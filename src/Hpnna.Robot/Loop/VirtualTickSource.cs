namespace Hpnna.Robot.Loop;

/// <summary>
/// Virtual time: each tick returns at once, one period after the last. Runs as fast as the machine allows
/// and is fully deterministic; a simulated world advances as an observer of the loop, not in its clock.
/// </summary>
public sealed class VirtualTickSource(double period) : ITickSource
{
    private long _index = -1;

    public double Period { get; } = period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "the control period must be positive");

    public Tick WaitForNext()
    {
        _index++;
        return new Tick(_index, _index * Period, 0, 0);
    }
}
