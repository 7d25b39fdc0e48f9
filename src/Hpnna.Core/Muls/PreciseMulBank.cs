using Hpnna.Core.Neurons;

namespace Hpnna.Core.Muls;

/// <summary>
/// A four-unit feed-forward mul built only from sigmoid units, far more exact than the published one.
/// </summary>
/// <remarks>
/// <code>
/// z1 = sigma(c + e(a+p)),  z2 = sigma(c - e(a+p)),  z3 = sigma(c + e(a-p)),  z4 = sigma(c - e(a-p))
/// m  = K ((z1 + z2) - (z3 + z4)),   K = 1 / (4 sigma''(c) e^2)
/// </code>
/// Even Taylor terms of sigma(c+x) + sigma(c-x) give 2 sigma(c) + sigma''(c) x^2 + O(x^6) when c is the
/// point where the fourth derivative vanishes, c = ln(5 + 2 sqrt 6) ~ 2.2924; the x^2 terms of the two pairs
/// differ by 4 sigma''(c) e^2 a p. Each unit is a fast neuron (time constant theta) starting at 0.01, so the
/// product starts at 0 and settles in a few theta.
/// </remarks>
public sealed class PreciseMulBank : MulBank
{
    public const double InitialActivity = 0.01;

    /// <summary>The centre c where sigma'''' vanishes: ln(5 + 2 sqrt 6).</summary>
    public static readonly double Centre = Math.Log(5.0 + 2.0 * Math.Sqrt(6.0));

    /// <summary>The input scale e.</summary>
    public const double Scale = 0.5;

    /// <summary>The read-out gain K = 1 / (4 sigma''(c) e^2), about -14.7.</summary>
    public static readonly double Gain = 1.0 / (4.0 * Sigmoid.SecondDerivative(Centre) * Scale * Scale);

    private readonly double _stepFactor;
    private readonly double[] _units; // mul-major, 4 per mul

    internal PreciseMulBank(int count, double alpha, int substeps) : base(count)
    {
        // The drives are feed-forward, hence constant over a slow step: k sub-steps of factor alpha
        // collapse exactly into one step of factor 1 - (1 - alpha)^k.
        _stepFactor = 1.0 - Math.Pow(1.0 - alpha, substeps);
        _units = new double[4 * count];
        Reset();
    }

    public override int UnitsPerMul => 4;

    public override void Advance(ReadOnlySpan<double> signal, ReadOnlySpan<double> program)
    {
        var z = _units.AsSpan();
        var products = ProductsBuffer.AsSpan();
        var alpha = _stepFactor;
        var centre = Centre;
        for (var m = 0; m < products.Length; m++)
        {
            var sum = Scale * (signal[m] + program[m]);
            var difference = Scale * (signal[m] - program[m]);
            var t1 = Sigmoid.Of(centre + sum);
            var t2 = Sigmoid.Of(centre - sum);
            var t3 = Sigmoid.Of(centre + difference);
            var t4 = Sigmoid.Of(centre - difference);
            var u = z.Slice(4 * m, 4);
            u[0] += alpha * (t1 - u[0]);
            u[1] += alpha * (t2 - u[1]);
            u[2] += alpha * (t3 - u[2]);
            u[3] += alpha * (t4 - u[3]);

            products[m] = Gain * ((u[0] + u[1]) - (u[2] + u[3]));
        }
    }

    public override void Reset()
    {
        _units.AsSpan().Fill(InitialActivity);
        ProductsBuffer.AsSpan().Clear();
    }

    public override void CopyUnits(Span<double> destination) => _units.CopyTo(destination);
}
