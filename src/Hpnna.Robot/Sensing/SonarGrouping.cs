using Hpnna.Core.Interpreters;
using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Sensing;

/// <summary>
/// Turns one layout's sonar ranges into L1's three proximities: each sensor's proximity is 1 - range/horizon
/// (clamped to [0, 1]), with the horizon the sensor's maximum range or a shorter <see cref="Horizon"/>, and
/// right, left and front are means over groups of sensors.
/// </summary>
/// <remarks>
/// <see cref="ByHeading"/> derives the groups from where each sensor looks: within
/// <see cref="FrontHalfAngleDegrees"/> of straight ahead is front, beyond it up to 90 degrees to either side is
/// that side, and sensors looking backwards feed nothing. For the Pioneer ring (+90, +50, +30, +10, -10, -30,
/// -50, -90 degrees) that is left {0, 1, 2}, front {3, 4}, right {5, 6, 7}; for HC-SR04 modules at -90, -45,
/// 0, +45 and +90 degrees, right {0, 1}, front {2}, left {3, 4}.
/// </remarks>
public sealed class SonarGrouping
{
    public const double FrontHalfAngleDegrees = 20;

    private readonly int[][] _groups; // right, left, front
    private readonly double[] _horizons; // per sensor: its max range or the shorter horizon

    /// <param name="layout">The sensors the readings come from.</param>
    /// <param name="right">Sensor indices averaged into the right proximity.</param>
    /// <param name="left">Sensor indices averaged into the left proximity.</param>
    /// <param name="front">Sensor indices averaged into the front proximity.</param>
    /// <param name="horizon">The range (m) at which proximity reaches 0, if shorter than a sensor's maximum range.</param>
    public SonarGrouping(SensorLayout layout, IReadOnlyList<int> right, IReadOnlyList<int> left, IReadOnlyList<int> front, double horizon = double.PositiveInfinity)
    {
        if (!(horizon > 0))
        {
            throw new ArgumentException($"the proximity horizon must be > 0 m (got {horizon})", nameof(horizon));
        }

        Layout = layout;
        Horizon = horizon;
        _groups = [right.ToArray(), left.ToArray(), front.ToArray()];
        string[] names = ["right", "left", "front"];
        for (var g = 0; g < _groups.Length; g++)
        {
            if (_groups[g].Length == 0 || _groups[g].Any(i => i < 0 || i >= layout.Count))
            {
                throw new ArgumentException($"sensor layout {layout} cannot feed L1's {names[g]} proximity: a group needs between 1 and {layout.Count} sensors by index (got [{string.Join(", ", _groups[g])}])");
            }
        }

        _horizons = [.. layout.Sensors.Select(s => Math.Min(horizon, s.MaxRange))];
    }

    public SensorLayout Layout { get; }

    /// <summary>The range (m) at which proximity reaches 0, where shorter than a sensor's maximum range.</summary>
    public double Horizon { get; }

    /// <summary>The groups derived from the sensors' headings (see the remarks); refuses a layout with no sensor for a group.</summary>
    public static SonarGrouping ByHeading(SensorLayout layout, double horizon = double.PositiveInfinity)
    {
        var front = new List<int>();
        var left = new List<int>();
        var right = new List<int>();
        for (var i = 0; i < layout.Count; i++)
        {
            var degrees = Pose2D.WrapAngle(layout[i].Heading) * 180 / Math.PI;
            if (Math.Abs(degrees) < FrontHalfAngleDegrees)
            {
                front.Add(i);
            }
            else if (degrees > 0 && degrees <= 90 + 1e-9)
            {
                left.Add(i);
            }
            else if (degrees < 0 && degrees >= -90 - 1e-9)
            {
                right.Add(i);
            }
        }

        foreach (var (group, name, range) in new[] { (right, "right", "-90 to -20"), (left, "left", "+20 to +90"), (front, "front", "-20 to +20") })
        {
            if (group.Count == 0)
            {
                throw new ArgumentException($"sensor layout {layout} cannot feed L1's programs: no sensor looks {name} (a heading of {range} degrees); L1 needs right, left and front proximities");
            }
        }

        return new SonarGrouping(layout, right, left, front, horizon);
    }

    public Proximities Group(ReadOnlySpan<SonarReading> readings) => new(
        Mean(_groups[0], readings),
        Mean(_groups[1], readings),
        Mean(_groups[2], readings));

    /// <summary>The highest proximity of any sensor: how close the nearest obstacle is.</summary>
    public double Nearest(ReadOnlySpan<SonarReading> readings)
    {
        var nearest = 0.0;
        for (var i = 0; i < readings.Length; i++)
        {
            nearest = Math.Max(nearest, Proximity(readings, i));
        }

        return nearest;
    }

    private double Proximity(ReadOnlySpan<SonarReading> readings, int sensor) => Math.Clamp(1.0 - readings[sensor].Range / _horizons[sensor], 0.0, 1.0);

    private double Mean(int[] indices, ReadOnlySpan<SonarReading> readings)
    {
        var weight = 1.0 / indices.Length;
        var sum = 0.0;
        for (var k = 0; k < indices.Length; k++)
        {
            sum += weight * Proximity(readings, indices[k]);
        }

        return sum;
    }
}
