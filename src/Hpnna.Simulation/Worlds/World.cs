using Hpnna.Common.Validation;
using Hpnna.Core.Layers;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Geometry;

namespace Hpnna.Simulation.Worlds;

/// <summary>Walls, a start pose and goal regions. Immutable; validated on creation.</summary>
public sealed class World
{
    private readonly Segment[] _walls;

    private readonly GoalRegion[] _goals;
    private readonly int[] _allWallIndices;

    private World(Segment[] walls, Pose2D start, IReadOnlyList<GoalRegion> goals)
    {
        _walls = walls;
        _goals = [.. goals];
        _allWallIndices = [.. Enumerable.Range(0, walls.Length)];
        Start = start;
        var xs = walls.SelectMany(w => new[] { w.A.X, w.B.X }).ToArray();
        var ys = walls.SelectMany(w => new[] { w.A.Y, w.B.Y }).ToArray();
        Bounds = new Box(new Vec2(xs.Min(), ys.Min()), new Vec2(xs.Max(), ys.Max()));
    }

    public ReadOnlySpan<Segment> Walls => _walls;

    public Pose2D Start { get; }

    public IReadOnlyList<GoalRegion> Goals => _goals;

    public Box Bounds { get; }

    /// <summary>
    /// Builds a world, refusing degenerate or non-finite walls, non-finite goals, and a start that is outside
    /// the walls or where a robot of <paramref name="robotRadius"/> would already touch a wall.
    /// </summary>
    public static World Create(IReadOnlyList<Segment> walls, Pose2D start, IReadOnlyList<GoalRegion> goals, double robotRadius, string origin = "world")
    {
        var problems = new List<Problem>();
        if (walls.Count == 0)
        {
            problems.Add(new("$.walls", "a world needs at least one wall"));
        }

        for (var i = 0; i < walls.Count; i++)
        {
            if (!walls[i].A.IsFinite || !walls[i].B.IsFinite)
            {
                problems.Add(new($"$.walls[{i}]", $"coordinates must be finite numbers"));
            }
            else if (walls[i].Length < 1e-6)
            {
                problems.Add(new($"$.walls[{i}]", $"degenerate wall: both ends at ({walls[i].A.X}, {walls[i].A.Y})"));
            }
        }

        for (var g = 0; g < goals.Count; g++)
        {
            var area = goals[g].Area;
            if (!area.Min.IsFinite || !area.Max.IsFinite || area.Min.X >= area.Max.X || area.Min.Y >= area.Max.Y)
            {
                problems.Add(new($"$.goals[{g}]", $"a goal region needs finite min < max"));
            }
        }

        if (!double.IsFinite(start.X) || !double.IsFinite(start.Y) || !double.IsFinite(start.Heading))
        {
            problems.Add(new("$.start", "x, y and heading must be finite numbers"));
        }

        if (problems.Count == 0)
        {
            var world = new World([.. walls], start, goals);
            var centre = new Vec2(start.X, start.Y);
            if (!world.Bounds.Contains(centre))
            {
                problems.Add(new($"$.start", $"({start.X}, {start.Y}) is outside the walls, so the robot can never be in the world"));
            }
            else if (world.NearestWall(centre) is var (index, distance) && distance < robotRadius)
            {
                problems.Add(new($"$.start", $"a robot of radius {robotRadius} m at ({start.X}, {start.Y}) already touches wall {index} ({distance:F3} m away)"));
            }

            if (problems.Count == 0)
            {
                return world;
            }
        }

        throw new InvalidDescriptionException(origin, problems);
    }

    /// <summary>The wall nearest to <paramref name="point"/> and its distance.</summary>
    public (int Index, double Distance) NearestWall(Vec2 point)
    {
        var best = (Index: -1, Distance: double.PositiveInfinity);
        for (var i = 0; i < _walls.Length; i++)
        {
            var distance = _walls[i].DistanceTo(point);
            if (distance < best.Distance)
            {
                best = (i, distance);
            }
        }

        return best;
    }

    /// <summary>Whether a disc of <paramref name="radius"/> at <paramref name="centre"/> touches any wall. Allocation-free.</summary>
    public bool Collides(Vec2 centre, double radius) => Collides(centre, radius, AllWalls);

    /// <summary>Whether the disc touches any of the walls named by index in <paramref name="candidates"/>.</summary>
    public bool Collides(Vec2 centre, double radius, ReadOnlySpan<int> candidates)
    {
        foreach (var index in candidates)
        {
            if (_walls[index].DistanceTo(centre) < radius)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Writes the indices of the walls whose bounding box lies within <paramref name="reach"/> of
    /// <paramref name="centre"/> into <paramref name="destination"/> (at least as long as the wall count)
    /// and returns how many: the only walls a disc moving less than reach can touch. Allocation-free.
    /// </summary>
    public int WallsNear(Vec2 centre, double reach, Span<int> destination)
    {
        var count = 0;
        for (var i = 0; i < _walls.Length; i++)
        {
            if (_walls[i].BoxDistanceSquared(centre) <= reach * reach)
            {
                destination[count++] = i;
            }
        }

        return count;
    }

    private ReadOnlySpan<int> AllWalls => _allWallIndices;

    /// <summary>The goal region containing <paramref name="point"/>, or null.</summary>
    public GoalRegion? GoalAt(Vec2 point)
    {
        foreach (var goal in _goals)
        {
            if (goal.Area.Contains(point))
            {
                return goal;
            }
        }

        return null;
    }
}
