using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Sensing;

/// <summary>
/// The HC-SR04 ultrasonic module as a range sensor, shared by its driver and the simulator's model of it:
/// 2 cm to 4 m, and a 15 degree cone, the "measuring angle" of its data sheet (measured beams are wider for
/// large flat targets, up to about 30 degrees, but what wall following needs is the angle within which a wall
/// returns a strong first echo, and the narrow cone keeps a side module from seeing an opening's corner early).
/// </summary>
public static class Hcsr04Sensor
{
    public const double MinRange = 0.02;
    public const double MaxRange = 4.0;

    public static readonly double ConeHalfAngle = 7.5 * Math.PI / 180;

    /// <summary>One module at a pose on the robot (metres; degrees counter-clockwise from forward).</summary>
    public static SonarSpec Spec(string name, double x, double y, double headingDegrees) =>
        new(name, x, y, headingDegrees * Math.PI / 180, MinRange, MaxRange, ConeHalfAngle);

    /// <summary>Modules in order around the robot, named <c>hcsr04-N</c>.</summary>
    public static SensorLayout Layout(IReadOnlyList<SonarSpec> modules) => new($"hcsr04-{modules.Count}", modules);
}
