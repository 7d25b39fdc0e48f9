namespace Hpnna.Training.Reports;

/// <summary>Successes out of trials, with the Wilson 95% interval (sound at 0% and 100%, unlike the normal one).</summary>
public sealed record SuccessRate(int Successes, int Trials)
{
    private const double Z = 1.959963984540054;

    public double Rate => Trials == 0 ? 0 : (double)Successes / Trials;

    public double Low => Bound(-1);

    public double High => Bound(+1);

    private double Bound(int sign)
    {
        if (Trials == 0)
        {
            return sign < 0 ? 0 : 1;
        }

        var p = Rate;
        var n = (double)Trials;
        var centre = p + Z * Z / (2 * n);
        var spread = Z * Math.Sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
        return Math.Clamp((centre + sign * spread) / (1 + Z * Z / n), 0, 1);
    }
}
