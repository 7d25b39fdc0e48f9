using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Training.Evolution;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Experiments.ProgramsVsDynamics;

/// <summary>
/// Experiment 1's settings: independent runs per architecture and dataset, the DE budget, the mul kind and
/// size of HPNNA's L2 interpreter, and the unseen maze sizes for the generalisation test.
/// </summary>
public sealed record ProgramsVsDynamicsSettings
{
    public int Runs { get; init; } = 20;

    /// <summary>
    /// Most generations of a run: per task for HPNNA (eight runs of one task each), for the one run of all
    /// eight tasks for the NOA. A NOA evaluation runs all eight tasks, so both get the same network steps.
    /// </summary>
    public int Generations { get; init; } = 1000;

    /// <summary>The DE strategy of both architectures.</summary>
    public DeStrategy Strategy { get; init; } = DeStrategy.BestOneBin;

    /// <summary>Both architectures' DE restarts after this many generations without progress; 0 never.</summary>
    public int RestartAfter { get; init; } = 100;

    public IReadOnlyList<string> Datasets { get; init; } = ["single", "three"];

    public MulKind Mul { get; init; } = MulKind.Ideal;

    /// <summary>The slow neurons of HPNNA's L2 interpreter; the NOA is sized to match its eight codes.</summary>
    public int L2Neurons { get; init; } = InterpreterTopologies.L2Neurons;

    public IReadOnlyList<double> UnseenLambdas { get; init; } = [2.4, 3.6];

    public int Seed { get; init; } = 1;

    public int Threads { get; init; }

    /// <summary>HPNNA's fixed L2 interpreter.</summary>
    public LayerDefinition L2() => InterpreterTopologies.L2(Mul, L2Neurons);

    /// <summary>The NOA's neurons: its parameter count closest to the eight goal codes' values.</summary>
    public int NoaNeurons => NoaNetwork.NeuronsLike(GoalTask.Count * L2().CodeLength);

    /// <summary>The DE settings of one run, the same for both architectures.</summary>
    public DeSettings Evolution(int seed) => new()
    {
        MaxGenerations = Generations,
        Strategy = Strategy,
        RestartAfter = RestartAfter,
        Seed = seed,
        Threads = Threads,
        StopWhenSolved = true,
    };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Runs < 2)
        {
            problems.Add($"runs must be at least 2 for statistics (got {Runs})");
        }

        if (Datasets.Count == 0 || Datasets.Any(d => d is not ("single" or "three")))
        {
            problems.Add($"datasets must be single and/or three (got {string.Join(", ", Datasets)})");
        }

        if (L2Neurons is < 2 or > 12)
        {
            problems.Add($"L2 neurons must be between 2 and 12 (got {L2Neurons})");
        }

        if (UnseenLambdas.Any(l => !double.IsFinite(l) || l < 1 || l > 10))
        {
            problems.Add($"unseen maze sizes must be between 1 and 10 (got {string.Join(", ", UnseenLambdas)})");
        }

        problems.AddRange(Evolution(Seed).Validate());
        return problems;
    }
}
