namespace Hpnna.Core.Transitions;

/// <summary>
/// How a program switch is prepared: for <see cref="Steps"/> slow steps the layer's state is pulled a
/// fraction <see cref="Gain"/> of the way to the new program's initial state, instead of running the network.
/// </summary>
/// <remarks>
/// The pull x ← x + g (x* − x) is a contraction with factor 1 − g whatever x is, so after n steps the
/// distance to x* is (1 − g)^n times the distance at the switch. Activities lie in [0, 1], so that distance
/// is at most 1 per neuron and the phase ends within <see cref="Tolerance"/> of x* from any end state of any
/// previous program: convergence that does not depend on where the last program left the network.
/// </remarks>
public sealed record PreparatoryPhase(int Steps, double Gain)
{
    /// <summary>No preparation: the new program runs at once from the state the last one left (the network as trained before this module).</summary>
    public static PreparatoryPhase Off { get; } = new(0, 1);

    /// <summary>10 steps at gain 0.5: within 0.001 of the initial state (2 s of L1 time at the robot's 0.2 s step).</summary>
    public static PreparatoryPhase Default { get; } = new(10, 0.5);

    public bool IsOff => Steps == 0;

    /// <summary>The largest distance per neuron from the target when the phase ends, from any start in [0, 1].</summary>
    public double Tolerance => Math.Pow(1 - Gain, Steps);

    /// <summary>The problems with these settings, empty when there are none.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Steps is < 0 or > 10_000)
        {
            problems.Add($"preparatory steps must be between 0 and 10000 (got {Steps})");
        }

        if (!(Gain is > 0 and <= 1))
        {
            problems.Add($"preparatory gain must be in (0, 1] (got {Gain})");
        }

        return problems;
    }
}
