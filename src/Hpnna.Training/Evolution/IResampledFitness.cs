namespace Hpnna.Training.Evolution;

/// <summary>
/// A fitness that draws a fresh sample of its random conditions (noisy copies, say) every generation. Within
/// a generation evaluation stays pure; across generations it changes, so DE rescores its population on each
/// new sample before comparing trials with it.
/// </summary>
public interface IResampledFitness : IFitnessFunction
{
    /// <summary>
    /// Draws generation <paramref name="generation"/>'s sample; called on DE's thread, never during evaluation.
    /// Returns whether this fitness draws anew at all (the same answer at every call): DE asks at generation 0
    /// and rescores its population every generation only if it does.
    /// </summary>
    bool Resample(int generation);
}
