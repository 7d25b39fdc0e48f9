namespace Hpnna.Simulation.Geometry;

/// <summary>A wall: the straight segment from A to B.</summary>
public readonly record struct Segment(Vec2 A, Vec2 B)
{
    public double Length => (B - A).Length;

    /// <summary>The point of the segment nearest to <paramref name="p"/>.</summary>
    public Vec2 ClosestPoint(Vec2 p)
    {
        var ab = B - A;
        var lengthSquared = Vec2.Dot(ab, ab);
        var t = lengthSquared > 0 ? Math.Clamp(Vec2.Dot(p - A, ab) / lengthSquared, 0.0, 1.0) : 0.0;
        return A + t * ab;
    }

    public double DistanceTo(Vec2 p) => (ClosestPoint(p) - p).Length;

    /// <summary>Distance along the ray from <paramref name="origin"/> in unit direction <paramref name="direction"/> to this segment, or +inf.</summary>
    public double RayDistance(Vec2 origin, Vec2 direction)
    {
        var ab = B - A;
        var denominator = Vec2.Cross(direction, ab);
        if (Math.Abs(denominator) < 1e-15)
        {
            return double.PositiveInfinity; // parallel: a grazing ray never returns an echo
        }

        var ao = A - origin;
        var t = Vec2.Cross(ao, ab) / denominator;
        var u = Vec2.Cross(ao, direction) / denominator;
        return t >= 0 && u >= 0 && u <= 1 ? t : double.PositiveInfinity;
    }

    /// <summary>The squared distance from <paramref name="p"/> to this segment's bounding box: a cheap lower bound of the true distance.</summary>
    public double BoxDistanceSquared(Vec2 p)
    {
        var dx = Math.Max(Math.Max(Math.Min(A.X, B.X) - p.X, 0), p.X - Math.Max(A.X, B.X));
        var dy = Math.Max(Math.Max(Math.Min(A.Y, B.Y) - p.Y, 0), p.Y - Math.Max(A.Y, B.Y));
        return dx * dx + dy * dy;
    }

    /// <summary>Whether the two segments cross or touch.</summary>
    public bool Intersects(Segment other)
    {
        double d1 = Orientation(other.A, other.B, A), d2 = Orientation(other.A, other.B, B);
        double d3 = Orientation(A, B, other.A), d4 = Orientation(A, B, other.B);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        {
            return true;
        }

        return (d1 == 0 && other.DistanceTo(A) < 1e-12) || (d2 == 0 && other.DistanceTo(B) < 1e-12)
            || (d3 == 0 && DistanceTo(other.A) < 1e-12) || (d4 == 0 && DistanceTo(other.B) < 1e-12);
    }

    private static double Orientation(Vec2 a, Vec2 b, Vec2 c) => Vec2.Cross(b - a, c - a);
}
