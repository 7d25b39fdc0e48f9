using Hpnna.Core.Layers;
using Hpnna.Core.Muls;

namespace Hpnna.Core.Interpreters;

/// <summary>The default fixed interpreters of the robot.</summary>
/// <remarks>
/// L1 is the paper's: 2 slow neurons, 3 inputs, every weight and bias programmable, so 2 (2 + 3 + 1) = 12
/// code values and, with published muls, 2 + 36 + 1 = 39 neurons. L2's size is not published; ours has
/// 4 slow neurons (enough to count three junctions and hold a choice) and one trigger input, all
/// programmable: 24 code values. Time constants: tau = 1, theta = 0.1 (theta/tau inside the published
/// 0.1-0.27), slow step h = tau/5 as in the paper's reference sequences, 2 fast sub-steps so h/k = theta.
/// </remarks>
public static class InterpreterTopologies
{
    public const double Tau = 1.0;
    public const double Theta = 0.1;
    public const double Step = 0.2;
    public const int L2Neurons = 4;

    /// <summary>The robot's L2 runs as this many identical modules voting on the selection (<see cref="ModuleVote"/>).</summary>
    public const int L2Modules = 5;

    /// <summary>The robot's L1 runs as this many identical modules voting on each output (<see cref="ModuleVote"/>).</summary>
    public const int L1Modules = 5;

    public static LayerDefinition L1(MulKind mul = MulKind.Published) => Build("L1", 2, ["linear", "angular"], ["right", "left", "front"], mul);

    /// <summary>L2 with <paramref name="neurons"/> slow neurons (default <see cref="L2Neurons"/>): "select" drives the choice, "h1".. hold the count.</summary>
    public static LayerDefinition L2(MulKind mul = MulKind.Published, int neurons = L2Neurons) =>
        Build("L2", neurons, ["select", .. Enumerable.Range(1, neurons - 1).Select(i => $"h{i}")], ["trigger"], mul);

    private static LayerDefinition Build(string name, int neurons, string[] neuronNames, string[] inputNames, MulKind mul) => new()
    {
        Name = name,
        NeuronCount = neurons,
        InputCount = inputNames.Length,
        NeuronNames = neuronNames,
        InputNames = inputNames,
        Tau = Enumerable.Repeat(Tau, neurons).ToArray(),
        Programmable = LayerDefinition.AllConnections(neurons, inputNames.Length),
        WeightRange = WeightRange.Default,
        Mul = mul,
        Theta = Theta,
        Step = Step,
    };
}
