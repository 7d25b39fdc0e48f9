using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Sonars;

/// <summary>
/// The sensors a simulated robot carries and how they are read: the Pioneer's front ring (every disc in every
/// report) or HC-SR04 modules fired on their driver's ping schedule (staggered, ageing readings).
/// </summary>
public sealed record SonarSetup(string Name, SensorLayout Layout, PingSchedule? Pings)
{
    public static SonarSetup Ring { get; } = new("ring", SonarLayouts.PioneerFrontRing, null);

    /// <summary>The production layout's five HC-SR04 modules (every 45 degrees from right to left) on the driver's schedule.</summary>
    public static SonarSetup Hcsr04 { get; } = ForHcsr04(SonarLayouts.Hcsr04Production);

    public static IReadOnlyList<string> Names { get; } = ["ring", "hcsr04"];

    /// <summary>HC-SR04 modules at the poses of <paramref name="layout"/>, fired as the driver fires them.</summary>
    public static SonarSetup ForHcsr04(SensorLayout layout) => new("hcsr04", layout, SonarLayouts.Hcsr04Pings(layout.Count));

    /// <summary>The setup named <paramref name="name"/> (ring, hcsr04), or null for any other name.</summary>
    public static SonarSetup? Named(string name) => name.ToLowerInvariant() switch
    {
        "ring" => Ring,
        "hcsr04" => Hcsr04,
        _ => null,
    };

    /// <summary>
    /// The setup whose layout is named <paramref name="layout"/> (what a program library records), with null
    /// standing for the ring (libraries from before layouts were recorded were all trained on it).
    /// </summary>
    /// <exception cref="ArgumentException">For a layout the simulator does not carry.</exception>
    public static SonarSetup ForLayout(string? layout) =>
        layout is null ? Ring
        : new[] { Ring, Hcsr04 }.FirstOrDefault(s => s.Layout.Name == layout)
            ?? throw new ArgumentException($"sensor layout '{layout}' is not one the simulator carries ({string.Join(", ", new[] { Ring, Hcsr04 }.Select(s => $"{s.Name}: {s.Layout.Name}"))})");

    /// <summary>A Pioneer 3-DX carrying these sensors in <paramref name="world"/>.</summary>
    public SimulatedRobot Robot(World world, SonarNoise noise, double odometryNoise, int seed, Pose2D? start = null) =>
        new(world, PioneerModel.P3Dx, Layout, noise, odometryNoise, seed, start, Pings);
}
