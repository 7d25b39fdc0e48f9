using Hpnna.Robot.Contracts;

namespace Hpnna.Robot.Sensing;

/// <summary>
/// The Pioneer 3-DX front sonar ring as the robot's firmware numbers it: discs 0-7 at +90, +50, +30, +10,
/// -10, -30, -50, -90 degrees, 0.1-5 m, at their positions on the robot (ARIA's p3dx parameter file, mm to m).
/// Shared by the simulator's model of the ring and the real base's ring read from SIPs.
/// </summary>
public static class PioneerSonarRing
{
    /// <summary>Half of the 15 degree beam the sonars are modelled with.</summary>
    public static readonly double ConeHalfAngle = 7.5 * Math.PI / 180;

    /// <summary>Longest range a Pioneer reports (5000 mm means nothing seen).</summary>
    public const double MaxRange = 5.0;

    public static SensorLayout Front { get; } = new("pioneer-front-ring",
    [
        Disc(0, 0.069, 0.136, 90),
        Disc(1, 0.114, 0.119, 50),
        Disc(2, 0.148, 0.078, 30),
        Disc(3, 0.166, 0.027, 10),
        Disc(4, 0.166, -0.027, -10),
        Disc(5, 0.148, -0.078, -30),
        Disc(6, 0.114, -0.119, -50),
        Disc(7, 0.069, -0.136, -90),
    ]);

    /// <summary>
    /// The rear ring: discs 8-15 at -90, -130, -150, -170, +170, +150, +130, +90 degrees (the same parameter file).
    /// Only the ARCOS emulator models it, for third-party tools; the controller drives by the front ring.
    /// </summary>
    public static SensorLayout Rear { get; } = new("pioneer-rear-ring",
    [
        Disc(8, -0.157, -0.136, -90),
        Disc(9, -0.203, -0.119, -130),
        Disc(10, -0.237, -0.078, -150),
        Disc(11, -0.255, -0.027, -170),
        Disc(12, -0.255, 0.027, 170),
        Disc(13, -0.237, 0.078, 150),
        Disc(14, -0.203, 0.119, 130),
        Disc(15, -0.157, 0.136, 90),
    ]);

    private static SonarSpec Disc(int index, double x, double y, double headingDegrees) =>
        new($"s{index}", x, y, headingDegrees * Math.PI / 180, 0.1, MaxRange, ConeHalfAngle);
}
