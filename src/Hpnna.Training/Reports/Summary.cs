using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Hpnna.Training.Reports;

/// <summary>Descriptive statistics of a sample, with a 95% confidence interval of the mean (Student's t).</summary>
public sealed record Summary(int Count, double Mean, double StandardDeviation, double Min, double Max, double CiLow, double CiHigh)
{
    public static Summary Of(IReadOnlyList<double> sample)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("a summary needs at least one value");
        }

        var mean = sample.Mean();
        if (sample.Count == 1)
        {
            return new Summary(1, mean, 0, mean, mean, mean, mean);
        }

        var sd = sample.StandardDeviation();
        var half = StudentT.InvCDF(0, 1, sample.Count - 1, 0.975) * sd / Math.Sqrt(sample.Count);
        return new Summary(sample.Count, mean, sd, sample.Minimum(), sample.Maximum(), mean - half, mean + half);
    }
}
