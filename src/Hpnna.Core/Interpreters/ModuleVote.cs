namespace Hpnna.Core.Interpreters;

/// <summary>
/// Modular redundancy for interpreters: an odd number of identical modules, each fed the same code on its own
/// programming lines, whose outputs are put to a median vote. Noise-free the modules agree exactly; with
/// imprecise lines each is perturbed on its own and a module that goes astray is outvoted.
/// </summary>
public static class ModuleVote
{
    public const int MaxModules = 9;

    /// <summary>Whether <paramref name="modules"/> can vote: an odd number from 1 to <see cref="MaxModules"/>.</summary>
    public static bool IsModuleCount(int modules) => modules is >= 1 and <= MaxModules && modules % 2 == 1;

    /// <exception cref="ArgumentOutOfRangeException">Unless <see cref="IsModuleCount"/>.</exception>
    public static void EnsureModuleCount(int modules)
    {
        if (!IsModuleCount(modules))
        {
            throw new ArgumentOutOfRangeException(nameof(modules), modules, $"interpreter modules vote in odd numbers from 1 to {MaxModules}");
        }
    }

    /// <summary>The median of <paramref name="values"/>, which it sorts in place (insertion sort: a handful of values, no allocation).</summary>
    public static double Median(Span<double> values)
    {
        for (var m = 1; m < values.Length; m++)
        {
            var value = values[m];
            var i = m;
            for (; i > 0 && values[i - 1] > value; i--)
            {
                values[i] = values[i - 1];
            }

            values[i] = value;
        }

        return values[values.Length / 2];
    }
}
