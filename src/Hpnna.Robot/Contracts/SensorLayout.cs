using System.Globalization;

namespace Hpnna.Robot.Contracts;

/// <summary>
/// The range sensors a robot carries, as data: each one's pose, cone and range limits, in index order. It
/// travels with the hardware (the base's ring, HC-SR04 modules at configured poses, the simulator's model of
/// either), and a controller derives from it what it feeds its programs.
/// </summary>
public sealed class SensorLayout
{
    /// <summary>The most sensors one layout may hold (an ARCOS SIP addresses 32 discs).</summary>
    public const int MaxSensors = 32;

    public SensorLayout(string name, IReadOnlyList<SonarSpec> sensors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a sensor layout needs a name", nameof(name));
        }

        if (sensors.Count is 0 or > MaxSensors)
        {
            throw new ArgumentException($"sensor layout '{name}' has {sensors.Count} sensors; a layout holds 1 to {MaxSensors}", nameof(sensors));
        }

        foreach (var s in sensors)
        {
            if (!(double.IsFinite(s.X) && double.IsFinite(s.Y) && double.IsFinite(s.Heading) && s.MinRange >= 0 && s.MaxRange > s.MinRange && s.ConeHalfAngle > 0 && s.ConeHalfAngle < Math.PI / 2))
            {
                throw new ArgumentException($"sensor layout '{name}': sensor '{s.Name}' needs a finite pose, 0 <= min range < max range and a cone half-angle between 0 and 90 degrees", nameof(sensors));
            }
        }

        if (sensors.Select(s => s.Name).Distinct().Count() != sensors.Count)
        {
            throw new ArgumentException($"sensor layout '{name}' names two sensors alike", nameof(sensors));
        }

        Name = name;
        Sensors = [.. sensors];
    }

    public string Name { get; }

    public IReadOnlyList<SonarSpec> Sensors { get; }

    public int Count => Sensors.Count;

    public SonarSpec this[int index] => Sensors[index];

    /// <summary>The layout's name and every sensor's heading, as a log or an error shows it: <c>ring (s0 +90, s1 +50, ...)</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"'{Name}' ({string.Join(", ", Sensors.Select(s => $"{s.Name} {s.Heading * 180 / Math.PI:+0;-0;0} deg"))})");
}
