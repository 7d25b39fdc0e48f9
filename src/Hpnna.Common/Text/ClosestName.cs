namespace Hpnna.Common.Text;

/// <summary>The valid name nearest a misspelt one, for "did you mean" hints in one-line errors.</summary>
public static class ClosestName
{
    /// <summary>
    /// The candidate with the smallest case-insensitive edit distance to <paramref name="given"/>, or null when
    /// even the nearest differs in more than a third of its letters (a hint that far off only misleads).
    /// </summary>
    public static string? Find(string given, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
    }

    /// <summary>"; did you mean X?" or nothing, to append to an error line.</summary>
    public static string Hint(string given, IEnumerable<string> candidates) =>
        Find(given, candidates) is { } near ? $"; did you mean {near}?" : "";

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit ("gaol" is one from "goal").</summary>
    private static int Distance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
