namespace Hpnna.Arcos.Units;

/// <summary>
/// How a robot model's raw SIP units become SI units (ARIA's parameter files). The SYNC2 subclass picks the
/// row: the same P3-DX body reports positions in mm as <c>p3dx-sh</c> (ARCOS) and in 0.485 mm units as
/// <c>p3dx</c> (AROS).
/// </summary>
/// <param name="Distance">mm per position unit.</param>
/// <param name="Angle">radians per heading unit (2 pi / 4096 on every Pioneer).</param>
/// <param name="Velocity">mm/s per wheel-velocity unit.</param>
/// <param name="Range">mm per sonar range unit.</param>
/// <param name="Differential">turns half the wheel-speed difference (mm/s) into rad/s (see <see cref="RotationFromWheels"/>).</param>
/// <param name="Vel2Divisor">mm/s per VEL2 unit.</param>
public sealed record ConversionFactors(string Subclass, double Distance, double Angle, double Velocity, double Range, double Differential, double Vel2Divisor)
{
    public static readonly ConversionFactors P3dxSh = new("p3dx-sh", 1.0, 0.001534, 1.0, 1.0, 0.0056, 20);
    public static readonly ConversionFactors P3dx = new("p3dx", 0.485, 0.001534, 1.0, 1.0, 0.0056, 20);
    public static readonly ConversionFactors P2dx = new("p2dx", 0.840, 0.001534, 1.0, 0.268, 0.0056, 20);
    public static readonly ConversionFactors P2de = new("p2de", 0.969, 0.001534, 1.0, 0.268, 0.0056, 20);
    public static readonly ConversionFactors P2d8 = new("p2d8", 0.485, 0.001534, 1.0, 1.0, 0.0056, 20);
    public static readonly ConversionFactors Amigo = new("amigo", 0.5083, 0.001534, 0.6154, 1.0, 0.011, 20);
    public static readonly ConversionFactors Pioneer1 = new("pion1m", 0.05066, 0.00614, 2.5332, 0.1734, 0.00333, 4);

    public static IReadOnlyList<ConversionFactors> Known { get; } = [P3dxSh, P3dx, P2dx, P2de, P2d8, Amigo, Pioneer1];

    /// <summary>The factors for a SYNC2 subclass (case-insensitive), or null when the model is unknown.</summary>
    public static ConversionFactors? ForSubclass(string subclass) =>
        Known.FirstOrDefault(f => string.Equals(f.Subclass, subclass, StringComparison.OrdinalIgnoreCase));

    /// <summary>Rotational speed in rad/s from wheel speeds in mm/s, as ARIA derives it when the SIP has no ROTVEL.</summary>
    public double RotationFromWheels(double leftMmPerSecond, double rightMmPerSecond) =>
        (rightMmPerSecond - leftMmPerSecond) / 2 * Differential;
}
