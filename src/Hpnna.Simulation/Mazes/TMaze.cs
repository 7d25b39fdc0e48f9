using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Simulation.Mazes;

/// <summary>One straight corridor between two junction (or end) centres.</summary>
/// <param name="Turns">The left/right choices that lead into this corridor ("" for the stem).</param>
public sealed record Corridor(Vec2 From, Vec2 To, string Turns, double Width)
{
    public int Level => Turns.Length;

    public double Length => (To - From).Length;

    public Box Area => Box.AroundCorridor(From, To, Width);
}

/// <summary>A goal at the end of a branch, reached by exactly one sequence of turns (e.g. "RLL").</summary>
public sealed record MazeGoal(string Name, string Turns, GoalRegion Region);

/// <summary>A generated multiple T-maze: its corridors, its goals and the world built from them.</summary>
public sealed record TMaze(TMazeSpec Spec, IReadOnlyList<Corridor> Corridors, IReadOnlyList<MazeGoal> Goals, World World)
{
    public MazeGoal Goal(string name) => Goals.FirstOrDefault(g => g.Name == name)
        ?? throw new ArgumentException($"unknown goal '{name}': this depth-{Spec.Depth} maze has {string.Join(", ", Goals.Select(g => g.Name))}");

    public Pose2D Start => World.Start;
}
