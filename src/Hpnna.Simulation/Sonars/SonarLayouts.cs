using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Simulation.Sonars;

/// <summary>Sensor layouts: the Pioneer front ring and HC-SR04 modules at chosen poses.</summary>
public static class SonarLayouts
{
    /// <summary>Half of the 15 degree beam both sensor kinds are modelled with.</summary>
    public static readonly double ConeHalfAngle = PioneerSonarRing.ConeHalfAngle;

    /// <summary>The Pioneer 3-DX front ring (<see cref="PioneerSonarRing.Front"/>).</summary>
    public static SensorLayout PioneerFrontRing => PioneerSonarRing.Front;

    /// <summary>An HC-SR04 module (0.02-4 m, 15 degree cone) at a pose on the robot.</summary>
    public static SonarSpec Hcsr04(string name, double x, double y, double headingDegrees) =>
        new(name, x, y, headingDegrees * Math.PI / 180, 0.02, 4.0, ConeHalfAngle);
}
