using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Devices.Sonar;

/// <summary>One HC-SR04 module: its GPIO lines (BCM numbers) and where it sits on the robot.</summary>
/// <param name="X">Metres forward of the robot's centre.</param>
/// <param name="Y">Metres to the left.</param>
/// <param name="HeadingDegrees">Direction it faces, counter-clockwise from forward.</param>
public sealed record Hcsr04Module(string Name, int TriggerPin, int EchoPin, double X, double Y, double HeadingDegrees)
{
    public const double MinRange = Hcsr04Sensor.MinRange;
    public const double MaxRange = Hcsr04Sensor.MaxRange;

    public SonarSpec Spec => Hcsr04Sensor.Spec(Name, X, Y, HeadingDegrees);

    /// <summary>The sensor layout of these modules, in order: <c>hcsr04-N</c>.</summary>
    public static SensorLayout Layout(IReadOnlyList<Hcsr04Module> modules) => Hcsr04Sensor.Layout([.. modules.Select(m => m.Spec)]);
}

/// <summary>The modules, in order around the robot, and how they are fired.</summary>
/// <param name="SpeedOfSound">m/s; 343 at 20 degrees C (about +0.6 m/s per degree).</param>
public sealed record Hcsr04Settings(IReadOnlyList<Hcsr04Module> Modules, PingSchedule Schedule, double SpeedOfSound = 343.0)
{
    /// <summary>Checks pins and positions; every problem in one message.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        var pins = new HashSet<int>();
        for (var i = 0; i < Modules.Count; i++)
        {
            var m = Modules[i];
            foreach (var (pin, role) in new[] { (m.TriggerPin, "trigger"), (m.EchoPin, "echo") })
            {
                if (pin < 0)
                {
                    problems.Add($"modules[{i}] ({m.Name}): {role} pin {pin} is negative");
                }
                else if (!pins.Add(pin))
                {
                    problems.Add($"modules[{i}] ({m.Name}): {role} pin {pin} is already used");
                }
            }

            if (!double.IsFinite(m.X) || !double.IsFinite(m.Y) || !double.IsFinite(m.HeadingDegrees))
            {
                problems.Add($"modules[{i}] ({m.Name}): pose must be finite numbers");
            }
        }

        if (Schedule.Slots.Sum(s => s.Length) != Modules.Count)
        {
            problems.Add($"the schedule fires {Schedule.Slots.Sum(s => s.Length)} sensors but {Modules.Count} are configured");
        }

        if (SpeedOfSound is < 300 or > 400)
        {
            problems.Add($"speed of sound {SpeedOfSound} m/s is implausible (300-400)");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("HC-SR04 settings: " + string.Join("; ", problems));
        }
    }
}

/// <summary>The latest ping of one module: range in metres, outcome, and when it was measured (Stopwatch ticks; 0 = never).</summary>
public readonly record struct Hcsr04Reading(double Range, EchoStatus Status, long Stamp)
{
    public TimeSpan Age(long now) => Stamp == 0 ? TimeSpan.MaxValue : System.Diagnostics.Stopwatch.GetElapsedTime(Stamp, now);
}
