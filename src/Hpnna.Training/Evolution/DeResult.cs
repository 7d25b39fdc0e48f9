namespace Hpnna.Training.Evolution;

/// <summary>Why a run ended.</summary>
public enum DeStop
{
    Solved,
    GenerationLimit,
    Cancelled,
}

/// <summary>The outcome of one DE run: the best member, its score, and the best/mean fitness of every generation.</summary>
public sealed record DeResult(double[] Best, Evaluation BestEvaluation, DeStop Stop, IReadOnlyList<DeProgress> History)
{
    public int Generations => History[^1].Generation;

    public long Evaluations => History[^1].Evaluations;

    /// <summary>The first generation whose best member solved the task, or null.</summary>
    public int? GenerationSolved => History.FirstOrDefault(p => p.BestSolves) is { BestSolves: true } p ? p.Generation : null;
}
