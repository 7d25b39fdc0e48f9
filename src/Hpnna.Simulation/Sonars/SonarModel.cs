using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Geometry;

namespace Hpnna.Simulation.Sonars;

/// <summary>
/// Simulated range sensors: for each sensor, the nearest wall inside its cone (see <see cref="ConeRange"/>),
/// clamped to the sensor's range, with seeded noise and dropouts. No echo within range reads as max range
/// with <see cref="SonarReading.Echo"/> false, as a real sonar's time-out does.
/// </summary>
public sealed class SonarModel
{
    private readonly SonarSpec[] _sensors;
    private readonly ConeFrame[] _frames;
    private readonly SonarNoise _noise;

    public SonarModel(IReadOnlyList<SonarSpec> sensors, SonarNoise noise)
    {
        _sensors = [.. sensors];
        _frames = [.. _sensors.Select(s => new ConeFrame(
            new Vec2(s.X, s.Y),
            Vec2.FromAngle(s.Heading),
            Vec2.FromAngle(s.Heading - s.ConeHalfAngle),
            Vec2.FromAngle(s.Heading + s.ConeHalfAngle),
            Math.Cos(s.ConeHalfAngle)))];
        _noise = noise;
    }

    public IReadOnlyList<SonarSpec> Sensors => _sensors;

    /// <summary>Scans every sensor from <paramref name="pose"/>. Allocation-free.</summary>
    public void Scan(ReadOnlySpan<Segment> walls, Pose2D pose, Random random, Span<SonarReading> destination)
    {
        var cos = Math.Cos(pose.Heading);
        var sin = Math.Sin(pose.Heading);
        for (var i = 0; i < _sensors.Length; i++)
        {
            destination[i] = Scan(i, walls, pose, cos, sin, random);
        }
    }

    /// <summary>Scans one sensor from <paramref name="pose"/>: the nearest wall in its cone, with noise. Allocation-free.</summary>
    public SonarReading Scan(int sensor, ReadOnlySpan<Segment> walls, Pose2D pose, Random random) =>
        Scan(sensor, walls, pose, Math.Cos(pose.Heading), Math.Sin(pose.Heading), random);

    private SonarReading Scan(int sensor, ReadOnlySpan<Segment> walls, Pose2D pose, double cos, double sin, Random random)
    {
        ref readonly var frame = ref _frames[sensor];
        var range = ConeRange.Nearest(
            new Vec2(pose.X, pose.Y) + Rotate(frame.Position, cos, sin),
            Rotate(frame.Axis, cos, sin),
            Rotate(frame.RightEdge, cos, sin),
            Rotate(frame.LeftEdge, cos, sin),
            frame.CosHalf,
            walls,
            _sensors[sensor].MaxRange);
        return Measure(range, _sensors[sensor], random);
    }

    private static Vec2 Rotate(Vec2 v, double cos, double sin) => new(cos * v.X - sin * v.Y, sin * v.X + cos * v.Y);

    private SonarReading Measure(double range, SonarSpec sensor, Random random)
    {
        if (_noise.DropoutProbability > 0 && random.NextDouble() < _noise.DropoutProbability)
        {
            return new SonarReading(sensor.MaxRange, Echo: false);
        }

        if (_noise.RangeSigma > 0 && double.IsFinite(range))
        {
            range += _noise.RangeSigma * Gaussian.Next(random);
        }

        return range > sensor.MaxRange
            ? new SonarReading(sensor.MaxRange, Echo: false)
            : new SonarReading(Math.Max(range, sensor.MinRange), Echo: true);
    }

    /// <summary>A sensor's position and cone directions in the robot frame, precomputed once.</summary>
    private readonly record struct ConeFrame(Vec2 Position, Vec2 Axis, Vec2 RightEdge, Vec2 LeftEdge, double CosHalf);
}
