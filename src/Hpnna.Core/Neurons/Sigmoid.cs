namespace Hpnna.Core.Neurons;

/// <summary>The logistic function used by every unit of the model (gain 1).</summary>
public static class Sigmoid
{
    /// <summary>sigma(z) = 1 / (1 + e^-z); saturates cleanly to 0 or 1 for large |z|.</summary>
    public static double Of(double z) => 1.0 / (1.0 + Math.Exp(-z));

    /// <summary>The second derivative sigma''(z) = s(1-s)(1-2s), used to scale the precise mul.</summary>
    public static double SecondDerivative(double z)
    {
        var s = Of(z);
        return s * (1.0 - s) * (1.0 - 2.0 * s);
    }
}
