namespace Hpnna.Simulation.Geometry;

/// <summary>A 2-D vector in metres, double precision (System.Numerics.Vector2 is single precision).</summary>
public readonly record struct Vec2(double X, double Y)
{
    public static Vec2 operator +(Vec2 a, Vec2 b) => new(a.X + b.X, a.Y + b.Y);

    public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);

    public static Vec2 operator *(double s, Vec2 a) => new(s * a.X, s * a.Y);

    public static double Dot(Vec2 a, Vec2 b) => a.X * b.X + a.Y * b.Y;

    /// <summary>The z component of the 3-D cross product: positive when b is counter-clockwise of a.</summary>
    public static double Cross(Vec2 a, Vec2 b) => a.X * b.Y - a.Y * b.X;

    public static Vec2 FromAngle(double angle) => new(Math.Cos(angle), Math.Sin(angle));

    public double Length => Math.Sqrt(X * X + Y * Y);

    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y);
}
