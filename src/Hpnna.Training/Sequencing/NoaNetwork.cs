using Hpnna.Core.Layers;
using Hpnna.Core.Muls;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// The NOA baseline ("non-organised architecture"): one plain, fully connected CTRNN that gets the trigger
/// and the task (one line per task, one-hot) as inputs and must do all eight tasks with one set of weights.
/// Its 10 neurons and 9 inputs give 10 (10 + 9 + 1) = 200 weights and biases, close to HPNNA's 8 x 24 = 192
/// code values. It is the same engine as every other layer, with exact products (a plain CTRNN), tau = 1
/// and h = tau/5, like L2.
/// </summary>
public sealed class NoaNetwork : ISequencer
{
    public const int Neurons = 10;
    public const int Inputs = 1 + GoalTask.Count;

    private readonly ProgrammableLayer _layer;
    private readonly double[] _inputs = new double[Inputs];

    public NoaNetwork() => _layer = new ProgrammableLayer(Definition);

    public static LayerDefinition Definition { get; } = new()
    {
        Name = "NOA",
        NeuronCount = Neurons,
        InputCount = Inputs,
        Tau = Enumerable.Repeat(1.0, Neurons).ToArray(),
        Programmable = LayerDefinition.AllConnections(Neurons, Inputs),
        WeightRange = WeightRange.Default,
        Mul = MulKind.Ideal,
        Theta = 0.1,
        Step = 0.2,
    };

    public static int ParameterCount => Definition.CodeLength;

    /// <summary>Sets every weight and bias.</summary>
    public void Load(ReadOnlySpan<double> weights) => _layer.SetCode(weights);

    /// <summary>Presents task <paramref name="task"/> on the task lines.</summary>
    public void Select(GoalTask task)
    {
        Array.Clear(_inputs);
        _inputs[task.Number] = 1.0;
    }

    public void Reset() => _layer.Reset();

    public double Step(double trigger)
    {
        _inputs[0] = trigger;
        _layer.Step(_inputs);
        return _layer.State[0];
    }
}
