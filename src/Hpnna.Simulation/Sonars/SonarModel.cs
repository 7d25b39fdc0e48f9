using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Geometry;

namespace Hpnna.Simulation.Sonars;

/// <summary>
/// Simulated range sensors: for each sensor, the nearest wall inside its cone (see <see cref="ConeRange"/>),
/// clamped to the sensor's range, with seeded noise and dropouts. No echo within range reads as max range
/// with <see cref="SonarReading.Echo"/> false, as a real sonar's time-out does.
/// </summary>
public sealed class SonarModel(IReadOnlyList<SonarSpec> sensors, SonarNoise noise)
{
    public IReadOnlyList<SonarSpec> Sensors { get; } = sensors;

    /// <summary>Scans every sensor from <paramref name="pose"/>. Allocation-free.</summary>
    public void Scan(ReadOnlySpan<Segment> walls, Pose2D pose, Random random, Span<SonarReading> destination)
    {
        var cos = Math.Cos(pose.Heading);
        var sin = Math.Sin(pose.Heading);
        for (var i = 0; i < Sensors.Count; i++)
        {
            var sensor = Sensors[i];
            var apex = new Vec2(pose.X + cos * sensor.X - sin * sensor.Y, pose.Y + sin * sensor.X + cos * sensor.Y);
            var range = ConeRange.Nearest(apex, pose.Heading + sensor.Heading, sensor.ConeHalfAngle, walls, sensor.MaxRange);
            destination[i] = Measure(range, sensor, random);
        }
    }

    private SonarReading Measure(double range, SonarSpec sensor, Random random)
    {
        if (noise.DropoutProbability > 0 && random.NextDouble() < noise.DropoutProbability)
        {
            return new SonarReading(sensor.MaxRange, Echo: false);
        }

        if (noise.RangeSigma > 0 && double.IsFinite(range))
        {
            range += noise.RangeSigma * Gaussian.Next(random);
        }

        return range > sensor.MaxRange
            ? new SonarReading(sensor.MaxRange, Echo: false)
            : new SonarReading(Math.Max(range, sensor.MinRange), Echo: true);
    }
}
