namespace Hpnna.Simulation.Geometry;

/// <summary>The outline of a union of axis-aligned boxes, as wall segments.</summary>
/// <remarks>
/// Each box edge is kept only where the space just outside it is not inside another box; the pieces left on
/// one line with one outward side are merged, so shared edges yield a single wall and openings between
/// joined corridors yield none.
/// </remarks>
public static class UnionBoundary
{
    private const double Tolerance = 1e-9;

    public static List<Segment> Of(IReadOnlyList<Box> boxes)
    {
        var lines = new Dictionary<(bool Horizontal, double Level, int Outward), List<(double From, double To)>>();
        for (var i = 0; i < boxes.Count; i++)
        {
            var r = boxes[i];
            AddEdge(lines, boxes, i, horizontal: true, r.Min.Y, -1, r.Min.X, r.Max.X);
            AddEdge(lines, boxes, i, horizontal: true, r.Max.Y, +1, r.Min.X, r.Max.X);
            AddEdge(lines, boxes, i, horizontal: false, r.Min.X, -1, r.Min.Y, r.Max.Y);
            AddEdge(lines, boxes, i, horizontal: false, r.Max.X, +1, r.Min.Y, r.Max.Y);
        }

        var walls = new List<Segment>();
        foreach (var ((horizontal, level, _), pieces) in lines.OrderBy(pair => pair.Key))
        {
            foreach (var (from, to) in Merge(pieces))
            {
                walls.Add(horizontal ? new Segment(new Vec2(from, level), new Vec2(to, level)) : new Segment(new Vec2(level, from), new Vec2(level, to)));
            }
        }

        return walls;
    }

    private static void AddEdge(Dictionary<(bool, double, int), List<(double, double)>> lines, IReadOnlyList<Box> boxes, int owner, bool horizontal, double level, int outward, double from, double to)
    {
        var pieces = new List<(double From, double To)> { (from, to) };
        for (var j = 0; j < boxes.Count && pieces.Count > 0; j++)
        {
            if (j == owner)
            {
                continue;
            }

            var other = boxes[j];
            var (low, high) = horizontal ? (other.Min.Y, other.Max.Y) : (other.Min.X, other.Max.X);
            var coversOutside = outward > 0
                ? low <= level + Tolerance && high > level + Tolerance
                : low < level - Tolerance && high >= level - Tolerance;
            if (coversOutside)
            {
                var (cutFrom, cutTo) = horizontal ? (other.Min.X, other.Max.X) : (other.Min.Y, other.Max.Y);
                pieces = Subtract(pieces, cutFrom, cutTo);
            }
        }

        var key = (horizontal, Math.Round(level, 9), outward);
        if (!lines.TryGetValue(key, out var list))
        {
            lines[key] = list = [];
        }

        list.AddRange(pieces);
    }

    private static List<(double From, double To)> Subtract(List<(double From, double To)> pieces, double cutFrom, double cutTo)
    {
        var result = new List<(double, double)>();
        foreach (var (from, to) in pieces)
        {
            if (cutTo <= from + Tolerance || cutFrom >= to - Tolerance)
            {
                result.Add((from, to));
                continue;
            }

            if (cutFrom > from + Tolerance)
            {
                result.Add((from, cutFrom));
            }

            if (cutTo < to - Tolerance)
            {
                result.Add((cutTo, to));
            }
        }

        return result;
    }

    private static IEnumerable<(double From, double To)> Merge(List<(double From, double To)> pieces)
    {
        var sorted = pieces.OrderBy(p => p.From).ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var (from, to) = sorted[i++];
            while (i < sorted.Count && sorted[i].From <= to + Tolerance)
            {
                to = Math.Max(to, sorted[i++].To);
            }

            yield return (from, to);
        }
    }
}
