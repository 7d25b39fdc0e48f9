namespace Hpnna.Robot.Contracts;

/// <summary>
/// A set of range sensors, real or simulated. <see cref="Read"/> copies the latest reading of every sensor
/// from a buffer; it never waits for a ping.
/// </summary>
public interface ISonarArray
{
    /// <summary>The sensors, in index order, with their poses on the robot.</summary>
    IReadOnlyList<SonarSpec> Sensors { get; }

    /// <summary>Copies the latest reading of each sensor into <paramref name="destination"/> (length = sensor count).</summary>
    void Read(Span<SonarReading> destination);
}

/// <summary>One sensor: where it sits on the robot (metres, radians, robot frame: +x forward, +y left) and what it can see.</summary>
public sealed record SonarSpec(string Name, double X, double Y, double Heading, double MinRange, double MaxRange, double ConeHalfAngle);

/// <summary>A range in metres; with <see cref="Echo"/> false, nothing answered and <see cref="Range"/> is the max range.</summary>
public readonly record struct SonarReading(double Range, bool Echo);
