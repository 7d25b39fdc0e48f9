using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Sensing;

/// <summary>
/// Notices sensor data no working set of sonars gives, which the controller would act on: every sensor at
/// once closer than its minimum range (a base reporting 0 mm on every disc: sonars cannot measure inside
/// their ring-down time, so a whole ring of them cannot read a wall that close), or every sensor at once
/// hearing nothing (a wall-following robot with no wall within 4-5 m on any side has nothing to follow, and a
/// base that reports its maximum on every disc drove a robot into a wall). Held for <see cref="HoldSeconds"/>
/// without a break, the readings are implausible until one plausible frame. Allocation-free.
/// </summary>
public sealed class ImplausibleSonarWatch(SensorLayout layout, double controlPeriod)
{
    public const double HoldSeconds = 0.5;

    private readonly int _limit = Math.Max(1, (int)Math.Ceiling(HoldSeconds / controlPeriod - 1e-9));
    private int _ticks;
    private string? _kind;

    /// <summary>Why the readings are implausible now, or null while they are plausible.</summary>
    public string? Reason { get; private set; }

    /// <summary>Looks at one tick's readings; true while they are implausible (<see cref="Reason"/>).</summary>
    public bool Check(ReadOnlySpan<SonarReading> readings)
    {
        var kind = Kind(readings);
        _ticks = kind is not null && kind == _kind ? _ticks + 1 : kind is null ? 0 : 1;
        _kind = kind;
        Reason = _ticks >= _limit ? kind : null;
        return Reason is not null;
    }

    private string? Kind(ReadOnlySpan<SonarReading> readings)
    {
        var tooClose = 0;
        var silent = 0;
        for (var i = 0; i < readings.Length; i++)
        {
            tooClose += readings[i].Echo && readings[i].Range <= layout[i].MinRange ? 1 : 0;
            silent += readings[i].Echo ? 0 : 1;
        }

        return readings.Length == 0 ? null
            : tooClose == readings.Length ? "every sonar reads closer than its minimum range"
            : silent == readings.Length ? "no sonar hears anything"
            : null;
    }
}
