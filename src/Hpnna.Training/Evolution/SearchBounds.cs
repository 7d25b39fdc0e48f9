namespace Hpnna.Training.Evolution;

/// <summary>The box DE searches: the same [Min, Max] on each of <see cref="Dimensions"/> parameters (codes live in [-5, 5]).</summary>
public sealed record SearchBounds(int Dimensions, double Min, double Max)
{
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Dimensions < 1)
        {
            problems.Add($"the search space needs at least one parameter (got {Dimensions})");
        }

        if (!double.IsFinite(Min) || !double.IsFinite(Max) || !(Min < Max))
        {
            problems.Add($"the bounds [{Min}, {Max}] are empty: they need finite Min < Max");
        }

        return problems;
    }
}
