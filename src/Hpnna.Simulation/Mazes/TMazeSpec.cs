namespace Hpnna.Simulation.Mazes;

/// <summary>What a multiple T-maze looks like: depth (1 to 3), corridor length delta and corridor width, in metres.</summary>
public sealed record TMazeSpec(int Depth, double Delta, double Width)
{
    /// <summary>The paper's corridor width: three times the Pioneer 3-DX's width.</summary>
    public static double DefaultWidth => 3 * Robots.PioneerModel.P3Dx.Width;

    /// <summary>The gap kept between corridors that do not join: half a corridor width.</summary>
    public double Gap => Width / 2;

    /// <summary>
    /// The length of the goal corridors (after the last junction). Depths 1 and 2: delta. Depth 3: with straight
    /// corridors and right-angle junctions, equal arms put goals RLL and LRR on the same point (0, delta) and
    /// RRR and LLL on the start (0, -delta); the goal corridors are therefore shortened to
    /// delta - Width - Gap. Every corridor driven before the last junction keeps length delta.
    /// </summary>
    public double GoalCorridorLength => Depth == 3 ? Delta - Width - Gap : Delta;

    /// <summary>The shortest delta for which corridors do not touch and goal corridors are at least a width long.</summary>
    public double MinimumDelta => Depth switch
    {
        3 => 2 * Width + Gap,
        2 => Width + Gap,
        _ => Width,
    };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Depth is < 1 or > 3)
        {
            problems.Add($"depth must be 1, 2 or 3 (got {Depth})");
        }

        if (!double.IsFinite(Width) || Width <= 0)
        {
            problems.Add($"corridor width must be a finite number > 0 m (got {Width})");
        }
        else if (Width < 2 * Robots.PioneerModel.P3Dx.Radius)
        {
            problems.Add($"corridor width {Width} m is narrower than the robot ({2 * Robots.PioneerModel.P3Dx.Radius} m across)");
        }

        if (!double.IsFinite(Delta) || Delta <= 0)
        {
            problems.Add($"corridor length delta must be a finite number > 0 m (got {Delta})");
        }
        else if (problems.Count == 0 && Delta < MinimumDelta - 1e-9)
        {
            problems.Add($"delta {Delta} m is too short for a depth-{Depth} maze with {Width} m corridors: it needs at least {MinimumDelta:F3} m");
        }

        return problems;
    }
}
