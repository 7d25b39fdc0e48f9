namespace Hpnna.Core.Neurons;

/// <summary>How the activity-form CTRNN <c>tau dx/dt = -x + sigma(drive)</c> is advanced over a step h.</summary>
/// <remarks>
/// Both schemes reduce to <c>x += alpha * (sigma(drive) - x)</c>; they differ only in alpha, which
/// <see cref="IntegrationFactor.For"/> computes once per neuron so the hot loop never calls exp for it.
/// </remarks>
public enum Integrator
{
    /// <summary>alpha = 1 - exp(-h/tau): exact for a constant drive, stable for any h/tau. The default.</summary>
    ExponentialEuler,

    /// <summary>alpha = h/tau: the authors' reference scheme; stable only for h/tau below about 0.5.</summary>
    ForwardEuler,
}

/// <summary>Precomputes the per-neuron update factor alpha of an <see cref="Integrator"/>.</summary>
public static class IntegrationFactor
{
    public static double For(Integrator integrator, double step, double tau) => integrator switch
    {
        Integrator.ExponentialEuler => 1.0 - Math.Exp(-step / tau),
        Integrator.ForwardEuler => step / tau,
        _ => throw new ArgumentOutOfRangeException(nameof(integrator), integrator, "unknown integrator"),
    };
}
