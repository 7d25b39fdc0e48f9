using Hpnna.Core.Layers;

namespace Hpnna.Core.Transitions;

/// <summary>
/// Where a goal code leaves L2 in each corridor of its run: the slow state after 0, 1, ..., <c>junctions</c>
/// junction pulses, each followed by a corridor long enough for the state to settle. A goal swapped in
/// corridor k prepares L2 toward entry k: the state the new code would hold there had it run from the start.
/// </summary>
/// <remarks>
/// Computed by a noise-free simulation of one module on the trigger the robot gives L2: low in corridors, one
/// pulse of <c>pulseSteps</c> steps per junction. Between pulses an L2 program that counts junctions holds its
/// count in a settled state (it cannot know how long the corridor is), so corridor k's state is one vector
/// whatever the corridor's length once <c>settleSteps</c> have passed. Made on the caller's thread (it allocates);
/// the stepping thread only reads it.
/// </remarks>
public sealed class CorridorStates
{
    private readonly double[] _states;

    private CorridorStates(double[] states, int neurons)
    {
        _states = states;
        NeuronCount = neurons;
    }

    public int NeuronCount { get; }

    /// <summary>The last corridor held: entries run from 0 (before the first junction) to this.</summary>
    public int Junctions => _states.Length / NeuronCount - 1;

    /// <summary>The settled state after <paramref name="junctions"/> pulses (the last entry beyond <see cref="Junctions"/>).</summary>
    public ReadOnlySpan<double> After(int junctions) =>
        _states.AsSpan(Math.Clamp(junctions, 0, Junctions) * NeuronCount, NeuronCount);

    /// <summary>Simulates <paramref name="code"/> on a fresh module of <paramref name="l2"/> from its initial state.</summary>
    public static CorridorStates Of(LayerDefinition l2, ReadOnlySpan<double> code, int junctions, int pulseSteps, int settleSteps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(junctions);
        ArgumentOutOfRangeException.ThrowIfLessThan(pulseSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(settleSteps, 1);
        if (l2.InputCount != 1)
        {
            throw new ArgumentException($"corridor states are an L2's, with one trigger input; '{l2.Name}' has {l2.InputCount}", nameof(l2));
        }

        var module = new ProgrammableLayer(l2);
        module.SetCode(code);
        var neurons = module.NeuronCount;
        var states = new double[(junctions + 1) * neurons];
        double[] low = [0.0], high = [1.0];
        for (var k = 0; k <= junctions; k++)
        {
            if (k > 0)
            {
                for (var s = 0; s < pulseSteps; s++)
                {
                    module.Step(high);
                }
            }

            for (var s = 0; s < settleSteps; s++)
            {
                module.Step(low);
            }

            module.State.CopyTo(states.AsSpan(k * neurons, neurons));
        }

        return new CorridorStates(states, neurons);
    }
}
