using Hpnna.Core.Neurons;

namespace Hpnna.Core.Muls;

/// <summary>
/// The fast block of a programmable layer: one mul sub-network per programmable connection, all of one
/// <see cref="MulKind"/>, advanced together so that the hot loop runs over flat arrays.
/// </summary>
/// <remarks>
/// Within one slow step the fast units are sub-stepped <c>substeps</c> times with the slow activities held,
/// so that the fast step h/substeps stays at or below theta. Units are stored mul-major
/// (mul m, unit r at m * UnitsPerMul + r) when copied out.
/// </remarks>
public abstract class MulBank
{
    private protected MulBank(int count)
    {
        Count = count;
        ProductsBuffer = new double[count];
    }

    /// <summary>Number of muls (programmable connections).</summary>
    public int Count { get; }

    /// <summary>Neurons each mul is built from (3 published, 4 precise, 0 ideal).</summary>
    public abstract int UnitsPerMul { get; }

    /// <summary>Total fast neurons in the bank.</summary>
    public int UnitCount => Count * UnitsPerMul;

    /// <summary>The current estimate of signal*program for every mul, valid after <see cref="Advance"/>.</summary>
    public ReadOnlySpan<double> Products => ProductsBuffer;

    private protected double[] ProductsBuffer { get; }

    /// <summary>Advances every mul by one slow step with the given signals a and programming inputs p held.</summary>
    public abstract void Advance(ReadOnlySpan<double> signal, ReadOnlySpan<double> program);

    /// <summary>Returns every unit to its initial state.</summary>
    public abstract void Reset();

    /// <summary>Copies every unit's activity, mul-major, into <paramref name="destination"/>.</summary>
    public abstract void CopyUnits(Span<double> destination);

    /// <summary>Builds a bank of <paramref name="count"/> muls of the given kind.</summary>
    /// <param name="kind">The mul construction.</param>
    /// <param name="count">Number of muls.</param>
    /// <param name="theta">Fast time constant of the mul units.</param>
    /// <param name="slowStep">The slow step h.</param>
    /// <param name="substeps">Fast sub-steps per slow step.</param>
    /// <param name="integrator">The integration scheme of the units.</param>
    public static MulBank Create(MulKind kind, int count, double theta, double slowStep, int substeps, Integrator integrator)
    {
        var alpha = IntegrationFactor.For(integrator, slowStep / substeps, theta);
        return kind switch
        {
            MulKind.Published => new PublishedMulBank(count, alpha, substeps),
            MulKind.Precise => new PreciseMulBank(count, alpha, substeps),
            MulKind.Ideal => new IdealMulBank(count),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown mul kind"),
        };
    }
}
