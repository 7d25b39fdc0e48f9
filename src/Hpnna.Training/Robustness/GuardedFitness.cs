using Hpnna.Training.Evolution;

namespace Hpnna.Training.Robustness;

/// <summary>
/// A fitness that keeps a refinement from trading what already works for what it is scored on: a candidate
/// that fails the <see cref="MazeGuard"/> loses <see cref="Penalty"/>, which puts it below every candidate that
/// passes (the inner fitness must span less than that), and never solves the task. From a start that passes,
/// DE's greedy replacement then never returns a best that fails.
/// </summary>
public sealed class GuardedFitness(IFitnessFunction inner, MazeGuard guard) : IFitnessFunction
{
    /// <summary>What failing the guard costs; the fitness functions guarded here span at most 2.</summary>
    public const double Penalty = 2;

    public MazeGuard Guard => guard;

    public SearchBounds Bounds => inner.Bounds;

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(inner.CreateEvaluator(), guard.CreateChecker());

    private sealed class Evaluator(IFitnessEvaluator inner, MazeGuard.Checker guard) : IFitnessEvaluator
    {
        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            var passes = guard.Passes(candidate);
            var scored = inner.Evaluate(candidate);
            return new Evaluation(scored.Fitness - (passes ? 0 : Penalty), scored.Solves && passes);
        }
    }
}
