using Hpnna.Core.Interpreters;
using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Sensing;

/// <summary>
/// Turns sonar ranges into L1's three proximities: each sensor's proximity is 1 - range/horizon (clamped to
/// [0, 1]), with the horizon the sensor's maximum range or a shorter <see cref="Horizon"/>, and right, left
/// and front are weighted means over groups of sensors.
/// </summary>
public sealed class SonarGrouping
{
    private readonly int[][] _groups; // right, left, front
    private readonly double[][] _weights;

    /// <param name="right">Sensor indices averaged into the right proximity.</param>
    /// <param name="left">Sensor indices averaged into the left proximity.</param>
    /// <param name="front">Sensor indices averaged into the front proximity.</param>
    /// <param name="sensorCount">How many sensors the array has.</param>
    /// <param name="horizon">The range (m) at which proximity reaches 0, if shorter than a sensor's maximum range.</param>
    public SonarGrouping(IReadOnlyList<int> right, IReadOnlyList<int> left, IReadOnlyList<int> front, int sensorCount, double horizon = double.PositiveInfinity)
    {
        if (!(horizon > 0))
        {
            throw new ArgumentException($"the proximity horizon must be > 0 m (got {horizon})", nameof(horizon));
        }

        Horizon = horizon;
        _groups = [.. new[] { right, left, front }.Select(group => group.ToArray())];
        foreach (var group in _groups)
        {
            if (group.Length == 0 || group.Any(i => i < 0 || i >= sensorCount))
            {
                throw new ArgumentException($"a sonar group must name between 1 and {sensorCount} sensors by index (0..{sensorCount - 1}); got [{string.Join(", ", group)}]");
            }
        }

        _weights = [.. _groups.Select(group => Enumerable.Repeat(1.0 / group.Length, group.Length).ToArray())];
    }

    /// <summary>The range (m) at which proximity reaches 0, where shorter than a sensor's maximum range.</summary>
    public double Horizon { get; }

    /// <summary>The Pioneer front ring (+90, +50, +30, +10, -10, -30, -50, -90 degrees): left {0,1,2}, front {3,4}, right {5,6,7}.</summary>
    public static SonarGrouping ForPioneerFrontRing(double horizon = double.PositiveInfinity) => new([5, 6, 7], [0, 1, 2], [3, 4], 8, horizon);

    public Proximities Group(ReadOnlySpan<SonarReading> readings, IReadOnlyList<SonarSpec> sensors) => new(
        Mean(0, readings, sensors),
        Mean(1, readings, sensors),
        Mean(2, readings, sensors));

    /// <summary>One sensor's proximity under this grouping's horizon.</summary>
    public double Proximity(in SonarReading reading, SonarSpec sensor) =>
        Math.Clamp(1.0 - reading.Range / Math.Min(Horizon, sensor.MaxRange), 0.0, 1.0);

    /// <summary>The highest proximity of any sensor: how close the nearest obstacle is.</summary>
    public double Nearest(ReadOnlySpan<SonarReading> readings, IReadOnlyList<SonarSpec> sensors)
    {
        var nearest = 0.0;
        for (var i = 0; i < readings.Length; i++)
        {
            nearest = Math.Max(nearest, Proximity(readings[i], sensors[i]));
        }

        return nearest;
    }

    private double Mean(int group, ReadOnlySpan<SonarReading> readings, IReadOnlyList<SonarSpec> sensors)
    {
        var indices = _groups[group];
        var weights = _weights[group];
        var sum = 0.0;
        for (var k = 0; k < indices.Length; k++)
        {
            var i = indices[k];
            sum += weights[k] * Proximity(readings[i], sensors[i]);
        }

        return sum;
    }
}
