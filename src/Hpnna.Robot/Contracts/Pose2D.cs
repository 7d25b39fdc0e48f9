namespace Hpnna.Robot.Contracts;

/// <summary>A planar pose: position in metres, heading in radians (counter-clockwise from +x).</summary>
public readonly record struct Pose2D(double X, double Y, double Heading)
{
    /// <summary>Wraps an angle into (-pi, pi].</summary>
    public static double WrapAngle(double angle)
    {
        var wrapped = Math.IEEERemainder(angle, 2 * Math.PI);
        return wrapped <= -Math.PI ? wrapped + 2 * Math.PI : wrapped;
    }

    public double DistanceTo(Pose2D other) => Math.Sqrt((X - other.X) * (X - other.X) + (Y - other.Y) * (Y - other.Y));
}
