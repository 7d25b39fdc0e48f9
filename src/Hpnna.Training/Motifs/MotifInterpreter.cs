using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;

namespace Hpnna.Training.Motifs;

/// <summary>
/// The fixed interpreter of the motif benchmark: 6 slow neurons, no external input, every recurrent weight
/// and bias programmable (6 x 7 = 42 code values), published muls, the robot's time constants. Neurons 0
/// and 1 are the pen's x and y velocity; the other four are free to carry the motif's timing.
/// </summary>
public static class MotifInterpreter
{
    public const int Neurons = 6;

    public static LayerDefinition Definition(MulKind mul = MulKind.Published) => new()
    {
        Name = "motifs",
        NeuronCount = Neurons,
        InputCount = 0,
        NeuronNames = ["vx", "vy", "h1", "h2", "h3", "h4"],
        InputNames = [],
        Tau = Enumerable.Repeat(InterpreterTopologies.Tau, Neurons).ToArray(),
        Programmable = LayerDefinition.AllConnections(Neurons, 0),
        WeightRange = WeightRange.Default,
        Mul = mul,
        Theta = InterpreterTopologies.Theta,
        Step = InterpreterTopologies.Step,
    };
}
