using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Robustness;

/// <summary>
/// A fitness that keeps a refinement from trading what already works for what it is scored on: a candidate
/// that fails the <see cref="MazeGuard"/> loses <see cref="Penalty"/>, which ranks it no higher than any candidate
/// that passes (the inner fitness spans at most that; a tie needs a passing candidate at the very bottom, such as
/// one that crashed in every episode), and never solves the task. So from a start that passes, DE's greedy
/// replacement keeps a best that passes. The guard's verdicts are remembered: they never change, and around a
/// resampled fitness (<see cref="IResampledFitness"/>) DE rescores its whole population every generation.
/// </summary>
public sealed class GuardedFitness(IFitnessFunction inner, MazeGuard guard) : IResampledFitness
{
    private readonly ConcurrentDictionary<string, bool> _verdicts = new();

    /// <summary>What failing the guard costs: the span of the widest fitness guarded here (<see cref="HierarchyFitness"/>, -1 to 1).</summary>
    public const double Penalty = 2;

    public SearchBounds Bounds => inner.Bounds;

    public bool Resample(int generation) => inner is IResampledFitness resampled && resampled.Resample(generation);

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(this, inner.CreateEvaluator(), guard.CreateChecker());

    private sealed class Evaluator(GuardedFitness owner, IFitnessEvaluator inner, MazeGuard.Checker guard) : IFitnessEvaluator
    {
        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            // The candidate's bits, exactly, as the key.
            var key = new string(MemoryMarshal.Cast<double, char>(candidate));
            if (!owner._verdicts.TryGetValue(key, out var passes))
            {
                passes = guard.Passes(candidate);
                owner._verdicts[key] = passes;
            }

            var scored = inner.Evaluate(candidate);
            return new Evaluation(scored.Fitness - (passes ? 0 : Penalty), scored.Solves && passes);
        }
    }
}
