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
    public static double Nearest(Vec2 apex, double heading, double halfAngle, ReadOnlySpan<Segment> walls, double maxRange) =>
        Nearest(apex, Vec2.FromAngle(heading), Vec2.FromAngle(heading - halfAngle), Vec2.FromAngle(heading + halfAngle), Math.Cos(halfAngle), walls, maxRange);

    /// <summary>
    /// The same with the cone given by unit vectors (axis, right edge, left edge) and cos(half angle), so a
    /// caller scanning many sensors rotates precomputed vectors instead of calling trigonometric functions.
    /// </summary>
    public static double Nearest(Vec2 apex, Vec2 axis, Vec2 edge1, Vec2 edge2, double cosHalf, ReadOnlySpan<Segment> walls, double maxRange)
    {
        var reachSquared = maxRange * maxRange;
        var best = double.PositiveInfinity;
        for (var i = 0; i < walls.Length; i++)
        {
            ref readonly var wall = ref walls[i];
            double ax = wall.A.X - apex.X, ay = wall.A.Y - apex.Y, bx = wall.B.X - apex.X, by = wall.B.Y - apex.Y;

            // Cheap rejects first: wholly outside one edge line of the cone (narrower than 180 degrees, it lies
            // on one side of each), then beyond reach or the best echo so far by the bounding-box bound.
            if ((edge1.X * ay - edge1.Y * ax < 0 && edge1.X * by - edge1.Y * bx < 0)
                || (edge2.X * ay - edge2.Y * ax > 0 && edge2.X * by - edge2.Y * bx > 0))
            {
                continue;
            }

            var boxDistanceSquared = wall.BoxDistanceSquared(apex);
            if (boxDistanceSquared > reachSquared || boxDistanceSquared >= best * best)
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
}
