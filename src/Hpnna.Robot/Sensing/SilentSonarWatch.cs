using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Sensing;

/// <summary>
/// Notices a sonar disc that has gone deaf (a broken transducer or cable reports "nothing seen" for ever),
/// which the controller would read as open space and steer into a wall.
/// </summary>
/// <remarks>
/// A disc counts as silent while it hears no echo although a neighbour (a disc aimed within
/// <see cref="NeighbourAngle"/> of it) hears a wall closer than <see cref="NearRange"/>: beams that close
/// overlap on any wall near enough, so one of them cannot honestly see nothing; or while it does not answer its
/// pings at all (<see cref="SonarReading.Answered"/>: an HC-SR04 whose echo line never rises). After
/// <see cref="SilentSeconds"/> of that without a break the disc is declared dead; a dropout or two (noise,
/// a glancing wall) resets the count. A stuck disc (a fixed false range) is not detected: it looks like a wall.
/// Per tick it does a fixed amount of work over arrays made at construction: no allocation.
/// </remarks>
public sealed class SilentSonarWatch
{
    /// <summary>
    /// The widest gap between the ring's neighbouring discs (50 to 90 degrees). Not 45: with HC-SR04 modules
    /// every 45 degrees the front module looks down a corridor longer than its 4 m while its neighbours see the
    /// side walls within 1 m, and the watch held the robot in 239 of 480 noise-free maze runs (lambda 2-4).
    /// </summary>
    public const double NeighbourAngle = 40 * Math.PI / 180;
    public const double NearRange = 1.5;
    public const double SilentSeconds = 1.0;

    private readonly int[][] _neighbours;
    private readonly int[] _silentTicks;
    private readonly int _limit;

    public SilentSonarWatch(SensorLayout layout, double controlPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(controlPeriod, 0);
        var sensors = layout.Sensors;
        _neighbours = [.. sensors.Select((s, i) => Enumerable.Range(0, sensors.Count)
            .Where(j => j != i && Math.Abs(Math.IEEERemainder(sensors[j].Heading - s.Heading, 2 * Math.PI)) <= NeighbourAngle + 1e-9)
            .ToArray())];
        _silentTicks = new int[sensors.Count];
        _limit = Math.Max(1, (int)Math.Ceiling(SilentSeconds / controlPeriod - 1e-9));
    }

    /// <summary>The disc found dead at the last check, or -1.</summary>
    public int DeadDisc { get; private set; } = -1;

    /// <summary>Looks at one tick's readings; true while a disc is dead (<see cref="DeadDisc"/>).</summary>
    public bool Check(ReadOnlySpan<SonarReading> readings)
    {
        DeadDisc = -1;
        for (var i = 0; i < _silentTicks.Length && i < readings.Length; i++)
        {
            _silentTicks[i] = !readings[i].Echo && (!readings[i].Answered || NeighbourNear(i, readings)) ? _silentTicks[i] + 1 : 0;
            if (_silentTicks[i] >= _limit && DeadDisc < 0)
            {
                DeadDisc = i;
            }
        }

        return DeadDisc >= 0;
    }

    private bool NeighbourNear(int disc, ReadOnlySpan<SonarReading> readings)
    {
        foreach (var j in _neighbours[disc])
        {
            if (j < readings.Length && readings[j].Echo && readings[j].Range < NearRange)
            {
                return true;
            }
        }

        return false;
    }
}
