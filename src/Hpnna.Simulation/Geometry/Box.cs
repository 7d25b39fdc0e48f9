namespace Hpnna.Simulation.Geometry;

/// <summary>An axis-aligned box [Min, Max].</summary>
public readonly record struct Box(Vec2 Min, Vec2 Max)
{
    public bool Contains(Vec2 p) => p.X >= Min.X && p.X <= Max.X && p.Y >= Min.Y && p.Y <= Max.Y;

    /// <summary>The gap between two boxes (0 when they touch or overlap).</summary>
    public double DistanceTo(Box other)
    {
        var dx = Math.Max(0, Math.Max(other.Min.X - Max.X, Min.X - other.Max.X));
        var dy = Math.Max(0, Math.Max(other.Min.Y - Max.Y, Min.Y - other.Max.Y));
        return Math.Sqrt(dx * dx + dy * dy);
    }

    public Vec2 Centre => 0.5 * (Min + Max);

    /// <summary>The box around an axis-aligned corridor from <paramref name="a"/> to <paramref name="b"/> of the given width, closed at both ends.</summary>
    public static Box AroundCorridor(Vec2 a, Vec2 b, double width)
    {
        var half = width / 2;
        return new Box(new Vec2(Math.Min(a.X, b.X) - half, Math.Min(a.Y, b.Y) - half), new Vec2(Math.Max(a.X, b.X) + half, Math.Max(a.Y, b.Y) + half));
    }
}
