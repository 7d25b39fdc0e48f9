namespace Hpnna.Core.Muls;

/// <summary>Which sub-network computes the product a*p behind every programmable weight.</summary>
public enum MulKind
{
    /// <summary>The authors' 3-neuron construction (default, for fidelity): z1 ~ a*p, worst error ~0.13 at a=p=1.</summary>
    Published,

    /// <summary>A 4-unit sigmoid construction around the point where sigma'''' vanishes: error below 4e-3 on [0,1]^2.</summary>
    Precise,

    /// <summary>The exact product with no units: the reference, and a fast path for training.</summary>
    Ideal,
}
