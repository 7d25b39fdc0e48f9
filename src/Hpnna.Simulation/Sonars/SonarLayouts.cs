using Hpnna.Robot.Contracts;

namespace Hpnna.Simulation.Sonars;

/// <summary>Sensor layouts: the Pioneer front ring and HC-SR04 modules at chosen poses.</summary>
public static class SonarLayouts
{
    /// <summary>Half of the 15 degree beam both sensor kinds are modelled with.</summary>
    public static readonly double ConeHalfAngle = 7.5 * Math.PI / 180;

    /// <summary>
    /// The Pioneer 3-DX front ring: 8 sonars at +90, +50, +30, +10, -10, -30, -50, -90 degrees, 0.1-5 m,
    /// at their positions on the robot (from the p3dx parameter file, mm converted to m).
    /// </summary>
    public static IReadOnlyList<SonarSpec> PioneerFrontRing { get; } =
    [
        Pioneer(0, 0.069, 0.136, 90),
        Pioneer(1, 0.114, 0.119, 50),
        Pioneer(2, 0.148, 0.078, 30),
        Pioneer(3, 0.166, 0.027, 10),
        Pioneer(4, 0.166, -0.027, -10),
        Pioneer(5, 0.148, -0.078, -30),
        Pioneer(6, 0.114, -0.119, -50),
        Pioneer(7, 0.069, -0.136, -90),
    ];

    /// <summary>An HC-SR04 module (0.02-4 m, 15 degree cone) at a pose on the robot.</summary>
    public static SonarSpec Hcsr04(string name, double x, double y, double headingDegrees) =>
        new(name, x, y, headingDegrees * Math.PI / 180, 0.02, 4.0, ConeHalfAngle);

    private static SonarSpec Pioneer(int index, double x, double y, double headingDegrees) =>
        new($"s{index}", x, y, headingDegrees * Math.PI / 180, 0.1, 5.0, ConeHalfAngle);
}
