using System.Globalization;
using Hpnna.Core.Layers;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Robustness;

/// <summary>Training under code noise: <see cref="Copies"/> noisy copies at relative level <see cref="Noise"/> (see <see cref="RobustFitness"/>); Copies 0 is plain training.</summary>
public sealed record RobustTraining(double Noise, int Copies)
{
    public static RobustTraining None { get; } = new(0, 0);

    public IFitnessFunction Wrap(IFitnessFunction fitness, WeightRange range, int seed) =>
        Copies == 0 ? fitness : new RobustFitness(fitness, range, Noise, Copies, seed);

    public string Describe() => Copies == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", robust to {100 * Noise:F0}% code noise ({Copies} noisy copies)");
}
