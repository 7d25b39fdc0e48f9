using Hpnna.Core.Layers;
using Hpnna.Simulation.Geometry;

namespace Hpnna.Training.Robustness;

/// <summary>
/// The paper's program noise: every code value c becomes c (1 + k z) with z ~ N(0, 1), a Gaussian relative
/// error of standard deviation k, clamped to the interpreter's weight range (a code outside it cannot be fed).
/// </summary>
public static class CodeNoise
{
    /// <summary>A noisy copy of <paramref name="code"/>, drawing one deviate per value from <paramref name="random"/>.</summary>
    public static double[] Apply(ReadOnlySpan<double> code, double k, WeightRange range, Random random)
    {
        var deviates = new double[code.Length];
        for (var i = 0; i < deviates.Length; i++)
        {
            deviates[i] = Gaussian.Next(random);
        }

        var noisy = new double[code.Length];
        Apply(code, k, range, deviates, noisy);
        return noisy;
    }

    /// <summary>Writes the noisy copy of <paramref name="code"/> for the given standard deviates into <paramref name="noisy"/>; allocation-free.</summary>
    public static void Apply(ReadOnlySpan<double> code, double k, WeightRange range, ReadOnlySpan<double> deviates, Span<double> noisy)
    {
        for (var i = 0; i < code.Length; i++)
        {
            noisy[i] = Math.Clamp(code[i] * (1 + k * deviates[i]), range.Min, range.Max);
        }
    }

    /// <summary>
    /// A first DE generation around a known program, for refining it: the program itself, then noisy copies
    /// of it at level <paramref name="k"/>, all drawn from <paramref name="seed"/>.
    /// </summary>
    public static IReadOnlyList<double[]> Neighbourhood(double[] code, int population, double k, WeightRange range, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, population).Select(i => i == 0 ? (double[])code.Clone() : Apply(code, k, range, random))];
    }
}
