namespace Hpnna.Simulation.Robots;

/// <summary>A differential-drive base's size and motion limits (metres, seconds, radians).</summary>
/// <param name="Length">Front to back.</param>
/// <param name="Width">Side to side.</param>
/// <param name="Radius">The swing radius: the disc used for collisions.</param>
public sealed record PioneerModel(
    string Name,
    double Length,
    double Width,
    double Radius,
    double MaxLinear,
    double MaxAngular,
    double LinearAcceleration,
    double AngularAcceleration)
{
    /// <summary>The Pioneer 3-DX: 455 x 381 mm, 260 mm swing radius; speed caps and accelerations of a typical ARCOS configuration.</summary>
    public static PioneerModel P3Dx { get; } = new("p3dx", 0.455, 0.381, 0.26, 0.75, 100 * Math.PI / 180, 0.5, 100 * Math.PI / 180);
}
