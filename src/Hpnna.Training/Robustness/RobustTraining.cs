using System.Globalization;
using Hpnna.Core.Layers;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Robustness;

/// <summary>
/// Training under code noise: <see cref="Copies"/> noisy copies at relative level <see cref="Noise"/>, drawn once
/// or, with <see cref="Redraw"/>, afresh every generation (see <see cref="RobustFitness"/>); Copies 0 is plain training.
/// </summary>
public sealed record RobustTraining(double Noise, int Copies, bool Redraw = false)
{
    public static RobustTraining None { get; } = new(0, 0);

    public IFitnessFunction Wrap(IFitnessFunction fitness, WeightRange range, int seed) =>
        Copies == 0 ? fitness : new RobustFitness(fitness, range, Noise, Copies, seed, Redraw);

    /// <summary>Redrawn copies: the run goes on for all its generations, since doing one sample's copies right says little of the next.</summary>
    public DeSettings Settle(DeSettings settings) => Redraw ? settings with { StopWhenSolved = false } : settings;

    public string Describe() => Copies == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", robust to {100 * Noise:F0}% code noise ({Copies} noisy copies{(Redraw ? ", drawn afresh every generation" : "")})");
}
