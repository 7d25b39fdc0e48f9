using Hpnna.Simulation.Geometry;

namespace Hpnna.Simulation.Sonars;

/// <summary>
/// The exact distance from a sonar to the nearest wall point inside its cone.
/// </summary>
/// <remarks>
/// Over the part of a segment inside the wedge [heading - half, heading + half], the distance to the apex is
/// convex along the segment, so its minimum lies at one of: the segment's closest point to the apex (if in
/// the wedge), an endpoint in the wedge, or a crossing of one of the wedge's two edge rays. Testing those few
/// candidates is exact and cheaper than casting a fan of rays. Specular reflection is not modelled: any wall
/// in the cone returns an echo, as a first-order sonar model.
/// </remarks>
public static class ConeRange
{
    /// <summary>The nearest distance to <paramref name="walls"/> within the cone, or +inf when none is in it.</summary>
    public static double Nearest(Vec2 apex, double heading, double halfAngle, ReadOnlySpan<Segment> walls, double maxRange)
    {
        var axis = Vec2.FromAngle(heading);
        var edge1 = Vec2.FromAngle(heading - halfAngle);
        var edge2 = Vec2.FromAngle(heading + halfAngle);
        var cosHalf = Math.Cos(halfAngle);
        var best = double.PositiveInfinity;
        foreach (var wall in walls)
        {
            if (!WithinReach(wall, apex, maxRange))
            {
                continue;
            }

            Consider(wall.ClosestPoint(apex), apex, axis, cosHalf, ref best);
            Consider(wall.A, apex, axis, cosHalf, ref best);
            Consider(wall.B, apex, axis, cosHalf, ref best);
            best = Math.Min(best, wall.RayDistance(apex, edge1));
            best = Math.Min(best, wall.RayDistance(apex, edge2));
        }

        return best;
    }

    private static void Consider(Vec2 point, Vec2 apex, Vec2 axis, double cosHalf, ref double best)
    {
        var offset = point - apex;
        var distance = offset.Length;
        if (distance < best && Vec2.Dot(offset, axis) >= distance * cosHalf - 1e-12)
        {
            best = distance;
        }
    }

    /// <summary>Cheap reject: the segment's bounding box is farther than the max range.</summary>
    private static bool WithinReach(Segment wall, Vec2 apex, double maxRange)
    {
        var dx = Math.Max(Math.Max(Math.Min(wall.A.X, wall.B.X) - apex.X, 0), apex.X - Math.Max(wall.A.X, wall.B.X));
        var dy = Math.Max(Math.Max(Math.Min(wall.A.Y, wall.B.Y) - apex.Y, 0), apex.Y - Math.Max(wall.A.Y, wall.B.Y));
        return dx * dx + dy * dy <= maxRange * maxRange;
    }
}
