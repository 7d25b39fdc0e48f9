using Hpnna.Core.Neurons;

namespace Hpnna.Core.Muls;

/// <summary>
/// The authors' mul: three fast neurons per product with the published constants.
/// </summary>
/// <remarks>
/// <code>
/// theta dz_r/dt = -z_r + sigma( sum_s C_rs z_s + A_r a + B_r p + c_r )
/// C = [[-2.72, -4.13, -11.71], [0, 0, 0], [1.12, -1.82, -1.99]]
/// A = [8.19, 0, 2.99], B = [1.80, 0, -3.69], c = [0, 10, 0]
/// </code>
/// z1 is the output, z2 an always-on unit, z3 an inhibitory helper; all start at 0.01. At steady state
/// z1 ~ a*p with a mean error of about 0.017 on [0,1]^2 and 0.867 at a = p = 1.
/// </remarks>
public sealed class PublishedMulBank : MulBank
{
    public const double InitialActivity = 0.01;

    internal const double C11 = -2.72, C12 = -4.13, C13 = -11.71;
    internal const double C31 = 1.12, C32 = -1.82, C33 = -1.99;
    internal const double A1 = 8.19, A3 = 2.99;
    internal const double B1 = 1.80, B3 = -3.69;
    internal const double Bias2 = 10.0;

    private static readonly double AlwaysOnTarget = Sigmoid.Of(Bias2);

    private readonly double _alpha;
    private readonly int _substeps;
    private readonly double[] _z2;
    private readonly double[] _z3;

    internal PublishedMulBank(int count, double alpha, int substeps) : base(count)
    {
        _alpha = alpha;
        _substeps = substeps;
        _z2 = new double[count];
        _z3 = new double[count];
        Reset();
    }

    public override int UnitsPerMul => 3;

    public override void Advance(ReadOnlySpan<double> signal, ReadOnlySpan<double> program)
    {
        var z1 = ProductsBuffer.AsSpan();
        var z2 = _z2.AsSpan();
        var z3 = _z3.AsSpan();
        var alpha = _alpha;
        for (var s = 0; s < _substeps; s++)
        {
            for (var m = 0; m < z1.Length; m++)
            {
                double a = signal[m], p = program[m];
                double y1 = z1[m], y2 = z2[m], y3 = z3[m];
                var drive1 = C11 * y1 + C12 * y2 + C13 * y3 + A1 * a + B1 * p;
                var drive3 = C31 * y1 + C32 * y2 + C33 * y3 + A3 * a + B3 * p;
                z1[m] = y1 + alpha * (Sigmoid.Of(drive1) - y1);
                z2[m] = y2 + alpha * (AlwaysOnTarget - y2);
                z3[m] = y3 + alpha * (Sigmoid.Of(drive3) - y3);
            }
        }
    }

    public override void Reset()
    {
        ProductsBuffer.AsSpan().Fill(InitialActivity);
        _z2.AsSpan().Fill(InitialActivity);
        _z3.AsSpan().Fill(InitialActivity);
    }

    public override void CopyUnits(Span<double> destination)
    {
        for (var m = 0; m < Count; m++)
        {
            destination[3 * m] = ProductsBuffer[m];
            destination[3 * m + 1] = _z2[m];
            destination[3 * m + 2] = _z3[m];
        }
    }
}
