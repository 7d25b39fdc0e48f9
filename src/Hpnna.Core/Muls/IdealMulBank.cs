namespace Hpnna.Core.Muls;

/// <summary>The exact product a*p, with no units and no dynamics: the reference every other kind is compared with.</summary>
public sealed class IdealMulBank : MulBank
{
    internal IdealMulBank(int count) : base(count)
    {
    }

    public override int UnitsPerMul => 0;

    public override void Advance(ReadOnlySpan<double> signal, ReadOnlySpan<double> program)
    {
        var products = ProductsBuffer.AsSpan();
        for (var m = 0; m < products.Length; m++)
        {
            products[m] = signal[m] * program[m];
        }
    }

    public override void Reset() => ProductsBuffer.AsSpan().Clear();

    public override void CopyUnits(Span<double> destination)
    {
    }
}
