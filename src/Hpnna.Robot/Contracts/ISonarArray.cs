namespace Hpnna.Robot.Contracts;

/// <summary>
/// Range sensors that are not part of the base (HC-SR04 modules on GPIO), pinged on a thread of their own.
/// <see cref="Read"/> copies the latest reading of every sensor from a buffer; it never waits for a ping.
/// </summary>
public interface ISonarArray
{
    SensorLayout Layout { get; }

    /// <summary>Copies each sensor's latest reading, with its age, into <paramref name="destination"/> (length = sensor count).</summary>
    void Read(Span<SonarReading> destination);
}

/// <summary>One sensor: where it sits on the robot (metres, radians, robot frame: +x forward, +y left) and what it can see.</summary>
public sealed record SonarSpec(string Name, double X, double Y, double Heading, double MinRange, double MaxRange, double ConeHalfAngle);

/// <summary>
/// A range in metres; with <see cref="Echo"/> false, nothing answered and <see cref="Range"/> is the max range.
/// <see cref="Age"/>: seconds between the sensor's measurement and the frame it was latched into (a ping
/// scheduled 60 ms ago is 60 ms old; <see cref="double.PositiveInfinity"/> for a sensor not read yet).
/// <see cref="Answered"/> false: the sensor gave no sign of life at its last ping (an HC-SR04 that never raised
/// its echo line, which a working module does even with nothing in range: dead or unplugged).
/// </summary>
public readonly record struct SonarReading(double Range, bool Echo, double Age = 0, bool Answered = true);
