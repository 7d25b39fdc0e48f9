using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Hpnna.Training.Reports;

/// <summary>
/// The Wilcoxon rank-sum (Mann-Whitney U) test of two independent samples, two-sided, with the normal
/// approximation and the tie correction; good from about 8 values per sample (the experiments have 20).
/// </summary>
public sealed record RankSumTest(double U, double Z, double PValue)
{
    public static RankSumTest Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException("a rank-sum test needs values in both samples");
        }

        var all = a.Concat(b).ToArray();
        var ranks = all.Ranks(RankDefinition.Average);
        var rankSumA = ranks.Take(a.Count).Sum();
        double n1 = a.Count, n2 = b.Count, n = n1 + n2;
        var u = rankSumA - n1 * (n1 + 1) / 2;
        var ties = all.GroupBy(v => v).Sum(g => Math.Pow(g.Count(), 3) - g.Count());
        var variance = n1 * n2 / 12 * (n + 1 - ties / (n * (n - 1)));
        if (variance <= 0)
        {
            return new RankSumTest(u, 0, 1);
        }

        var z = (u - n1 * n2 / 2) / Math.Sqrt(variance);
        return new RankSumTest(u, z, Math.Min(1, 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)))));
    }
}
