using Hpnna.Core.Layers;
using Hpnna.Simulation.Geometry;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Robustness;

/// <summary>
/// Learns programs that survive code noise: a candidate is scored as it is and as <see cref="Copies"/>
/// noisy copies (<see cref="CodeNoise"/> at level <see cref="Noise"/>), and its fitness is the mean of
/// those scores; it solves the task only when it and every copy do.
/// </summary>
/// <remarks>
/// The copies' deviates are drawn once from the seed and shared by every candidate of every generation
/// (common random numbers), so the fitness stays a pure function of the candidate: DE's determinism across
/// thread counts holds, and candidates are compared on the same perturbations. Measured on the shipped
/// programs learned without it: 10% code noise on L1 alone crashed 14 of 48 maze trials, on L2 alone
/// sent 10 of 48 to the wrong goal.
/// </remarks>
public sealed class RobustFitness : IFitnessFunction
{
    private readonly IFitnessFunction _inner;
    private readonly WeightRange _range;
    private readonly double[][] _deviates;

    public RobustFitness(IFitnessFunction inner, WeightRange range, double noise, int copies, int seed)
    {
        if (!(noise >= 0 && noise <= 1) || copies < 1)
        {
            throw new ArgumentException($"robust training needs a noise level between 0 and 1 and at least one noisy copy (got {noise} and {copies})");
        }

        _inner = inner;
        _range = range;
        Noise = noise;
        Copies = copies;
        var random = new Random(seed);
        _deviates = [.. Enumerable.Range(0, copies).Select(_ => Enumerable.Range(0, inner.Bounds.Dimensions).Select(_ => Gaussian.Next(random)).ToArray())];
    }

    public double Noise { get; }

    public int Copies { get; }

    public SearchBounds Bounds => _inner.Bounds;

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(this, _inner.CreateEvaluator());

    private sealed class Evaluator(RobustFitness owner, IFitnessEvaluator inner) : IFitnessEvaluator
    {
        private readonly double[] _noisy = new double[owner.Bounds.Dimensions];

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            var nominal = inner.Evaluate(candidate);
            var sum = nominal.Fitness;
            var solves = nominal.Solves;
            foreach (var deviates in owner._deviates)
            {
                CodeNoise.Apply(candidate, owner.Noise, owner._range, deviates, _noisy);
                var copy = inner.Evaluate(_noisy);
                sum += copy.Fitness;
                solves &= copy.Solves;
            }

            return new Evaluation(sum / (owner.Copies + 1), solves);
        }
    }
}
