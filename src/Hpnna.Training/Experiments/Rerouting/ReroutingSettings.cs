using Hpnna.Core.Transitions;
using Hpnna.Robot.Control;

namespace Hpnna.Training.Experiments.Rerouting;

/// <summary>Where in the run a goal is swapped: in corridor k (k junctions passed, no turn on) or during junction turn k.</summary>
public sealed record SwapSegment(bool DuringTurn, int Junction)
{
    /// <summary>Every segment in which some other goal is still reachable: corridors 0-2 and turns 1-2.</summary>
    public static IReadOnlyList<SwapSegment> All { get; } =
        [new(false, 0), new(false, 1), new(false, 2), new(true, 1), new(true, 2)];

    /// <summary>The junctions whose turns are taken when the swap is asked for.</summary>
    public int TurnsTaken => Junction;

    public string Name => DuringTurn ? $"during turn {Junction}" : Junction switch
    {
        0 => "before junction 1",
        GoalRoutes.Junctions => $"after junction {Junction}",
        _ => $"between junctions {Junction} and {Junction + 1}",
    };

    /// <summary>Whether the robot is in this segment.</summary>
    public bool Contains(Route route) => route.Junctions == Junction && (DuringTurn ? route.Turning : !route.Turning && !route.Approaching);

    /// <summary>Whether <paramref name="newGoal"/> agrees with <paramref name="oldGoal"/>'s turns taken here.</summary>
    public bool Reachable(int oldGoal, int newGoal) =>
        newGoal != oldGoal && Enumerable.Range(0, TurnsTaken).All(j => GoalRoutes.TurnsRight(oldGoal, j) == GoalRoutes.TurnsRight(newGoal, j));
}

/// <summary>The grid of the re-routing experiment.</summary>
public sealed record ReroutingSettings
{
    public IReadOnlyList<double> Lambdas { get; init; } = [2, 3, 4];

    /// <summary>Code noise levels k; 0 runs noise-free (no code or sonar noise).</summary>
    public IReadOnlyList<double> NoiseLevels { get; init; } = [0, 0.1];

    /// <summary>Swaps per (old goal, new goal, segment) without noise, spread evenly over the segment.</summary>
    public int NoiseFreeSwaps { get; init; } = 3;

    /// <summary>Trials per (old goal, new goal, segment) with noise, each at its own time in the segment.</summary>
    public int Trials { get; init; } = 20;

    /// <summary>L2's goal phase in the runs with it (the shipped controller's unless given).</summary>
    public PreparatoryPhase Phase { get; init; } = ControllerDefaults.GoalPhase;

    /// <summary>Sonar range noise (m) of the noisy trials.</summary>
    public double SonarSigma { get; init; } = 0.02;

    public int Seed { get; init; } = 1;

    public int Threads { get; init; }

    public double TimeLimit { get; init; } = 120;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Lambdas.Count == 0 || Lambdas.Any(l => !double.IsFinite(l) || l is < 1 or > 10))
        {
            problems.Add("lambdas must be between 1 and 10");
        }

        if (NoiseLevels.Count == 0 || NoiseLevels.Any(k => !double.IsFinite(k) || k is < 0 or > 1))
        {
            problems.Add("noise levels must be between 0% and 100%");
        }

        if (NoiseFreeSwaps is < 1 or > 100 || Trials is < 1 or > 10_000)
        {
            problems.Add("noise-free swaps must be 1 to 100 and trials 1 to 10000");
        }

        problems.AddRange(Phase.Validate());
        if (Phase.IsOff)
        {
            problems.Add("the goal phase needs at least one step (the runs without it are made anyway)");
        }

        if (Threads < 0)
        {
            problems.Add("threads must be 0 (one per core) or more");
        }

        return problems;
    }
}
