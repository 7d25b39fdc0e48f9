using Hpnna.Robot.Control;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Mazes;

/// <summary>
/// Builds a multiple T-maze: a stem from the start going north, then at every junction a T whose two arms
/// leave at right angles to the way in; after <c>Depth</c> junctions each arm ends in a goal.
/// </summary>
/// <remarks>
/// Goals are numbered by their turn sequence read as binary with L = 0 and R = 1, first turn most
/// significant: G1 = LLL, G2 = LLR, ..., G8 = RRR (T1..T8 of the paper's order). Walls are the outline of the
/// union of the corridors' boxes. The layout is checked after generation: corridors that do not share a
/// junction keep at least <see cref="TMazeSpec.Gap"/> between them.
/// </remarks>
public static class TMazeGenerator
{
    /// <summary>The depth-3 maze of the paper's experiments at size <paramref name="lambda"/>: <see cref="MazeScale.Default"/>, default width.</summary>
    public static TMaze Depth3(double lambda) => Generate(new TMazeSpec(3, MazeScale.Default.DeltaFor(lambda), TMazeSpec.DefaultWidth));

    public static TMaze Generate(TMazeSpec spec)
    {
        var problems = spec.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid maze: " + string.Join("; ", problems));
        }

        var corridors = new List<Corridor>();
        var goals = new List<(string Turns, Vec2 End, Vec2 Direction)>();
        var start = new Vec2(0, -spec.Delta);
        var north = new Vec2(0, 1);
        corridors.Add(new Corridor(start, new Vec2(0, 0), "", spec.Width));
        Branch(spec, new Vec2(0, 0), north, "", corridors, goals);

        var mazeGoals = goals
            .Select(g => new MazeGoal(GoalName(g.Turns), g.Turns, new GoalRegion(GoalName(g.Turns), GoalArea(g.End, spec.Width))))
            .OrderBy(g => g.Name.Length).ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        var walls = UnionBoundary.Of(corridors.Select(c => c.Area).ToList());
        var world = World.Create(walls, new Pose2D(start.X, start.Y, Math.PI / 2), mazeGoals.Select(g => g.Region).ToList(), PioneerModel.P3Dx.Radius, "maze");
        CheckLayout(spec, corridors);
        return new TMaze(spec, corridors, mazeGoals, world);
    }

    /// <summary>The goal name of a turn sequence: "LLL" is G1, "RRR" is G8.</summary>
    public static string GoalName(string turns) =>
        "G" + (1 + turns.Aggregate(0, (index, turn) => 2 * index + (turn == 'R' ? 1 : 0)));

    /// <summary>The turn sequence of goal <paramref name="name"/> in a maze of <paramref name="depth"/>.</summary>
    public static string TurnsOf(string name, int depth)
    {
        var goal = GoalRoutes.Number(name, depth);
        if (!name.StartsWith('G') || goal == 0)
        {
            throw new ArgumentException($"unknown goal '{name}': a depth-{depth} maze has G1..G{1 << depth}");
        }

        return GoalRoutes.Turns(goal, depth);
    }

    private static void Branch(TMazeSpec spec, Vec2 junction, Vec2 heading, string turns, List<Corridor> corridors, List<(string, Vec2, Vec2)> goals)
    {
        var last = turns.Length == spec.Depth - 1;
        var length = last ? spec.GoalCorridorLength : spec.Delta;
        foreach (var turn in "LR")
        {
            // Left is a quarter turn counter-clockwise.
            var direction = turn == 'L' ? new Vec2(-heading.Y, heading.X) : new Vec2(heading.Y, -heading.X);
            var end = junction + length * direction;
            corridors.Add(new Corridor(junction, end, turns + turn, spec.Width));
            if (last)
            {
                goals.Add((turns + turn, end, direction));
            }
            else
            {
                Branch(spec, end, direction, turns + turn, corridors, goals);
            }
        }
    }

    /// <summary>The goal region: the last corridor-width square of the dead end.</summary>
    private static Box GoalArea(Vec2 end, double width) =>
        new(new Vec2(end.X - width / 2, end.Y - width / 2), new Vec2(end.X + width / 2, end.Y + width / 2));

    private static void CheckLayout(TMazeSpec spec, List<Corridor> corridors)
    {
        for (var i = 0; i < corridors.Count; i++)
        {
            for (var j = i + 1; j < corridors.Count; j++)
            {
                var a = corridors[i];
                var b = corridors[j];
                var joined = a.From == b.From || a.From == b.To || a.To == b.From || a.To == b.To;
                if (!joined && a.Area.DistanceTo(b.Area) < spec.Gap - 1e-9)
                {
                    throw new InvalidOperationException($"maze layout error: corridors '{a.Turns}' and '{b.Turns}' come within {a.Area.DistanceTo(b.Area):F3} m");
                }
            }
        }
    }
}
