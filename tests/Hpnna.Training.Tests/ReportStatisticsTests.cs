using Hpnna.Training.Reports;

namespace Hpnna.Training.Tests;

public sealed class ReportStatisticsTests
{
    [Fact]
    public void Summary_gives_mean_deviation_and_the_t_interval()
    {
        var s = Summary.Of([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);

        Assert.Equal(5.0, s.Mean, 12);
        Assert.Equal(2.138089935, s.StandardDeviation, 8); // sample deviation, n - 1
        // t(0.975, 7) = 2.364624252
        Assert.Equal(5.0 - 2.364624252 * 2.138089935 / Math.Sqrt(8), s.CiLow, 6);
        Assert.Equal(2.0, s.Min);
        Assert.Equal(9.0, s.Max);
    }

    [Fact]
    public void Rank_sum_test_separates_shifted_samples_and_not_equal_ones()
    {
        double[] low = [0.61, 0.70, 0.72, 0.75, 0.78, 0.80, 0.81, 0.83, 0.85, 0.86];
        double[] high = [.. low.Select(v => v + 0.3)];

        var apart = RankSumTest.Of(high, low);
        var same = RankSumTest.Of(low, [.. low]);

        Assert.Equal(100, apart.U); // every high value beats every low one
        Assert.True(apart.PValue < 0.001, $"p = {apart.PValue}");
        Assert.Equal(50, same.U);
        Assert.Equal(1.0, same.PValue, 9);
    }

    [Fact]
    public void Wilson_interval_stays_inside_zero_and_one()
    {
        var all = new SuccessRate(50, 50);
        var none = new SuccessRate(0, 50);

        Assert.Equal(1.0, all.High, 12);
        Assert.InRange(all.Low, 0.92, 0.93); // 0.9287 for 50/50
        Assert.Equal(0.0, none.Low, 12);
        Assert.InRange(new SuccessRate(25, 50).Low, 0.36, 0.37);
    }
}
