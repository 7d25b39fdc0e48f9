namespace Hpnna.Training.Experiments;

/// <summary>
/// Seeds for independent trials and runs, derived from the experiment's seed and the trial's coordinates
/// (SplitMix64 mixing), so that every trial draws the same numbers whichever thread runs it and in whatever order.
/// </summary>
public static class TrialSeed
{
    public static int Of(int seed, params ReadOnlySpan<int> coordinates)
    {
        var state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL);
        foreach (var c in coordinates)
        {
            state = Mix(state ^ unchecked((ulong)c + 0x632BE59BD9B4E019UL));
        }

        return (int)(state & 0x7FFFFFFF);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
