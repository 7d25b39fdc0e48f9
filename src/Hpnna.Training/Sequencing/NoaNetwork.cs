using Hpnna.Core.Layers;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// The NOA baseline ("non-organised architecture"): one plain, fully connected CTRNN that gets the trigger
/// and the task (one line per task, one-hot) as inputs and must do all eight tasks with one set of weights.
/// N neurons and 9 inputs give N (N + 9 + 1) weights and biases; <see cref="NeuronsLike"/> picks the N closest
/// to HPNNA's eight goal codes: 10 neurons, 200 values, for the 8 x 24 = 192 of a 4-neuron L2. It is the same engine as every other layer, tau = 1 and h = tau/5 like L2, with the weights
/// it learns as the layer's fixed weights: the plain CTRNN that an L2 with ideal muls equals, computed
/// without mul bookkeeping (about ten times faster per step, which is what lets experiment 1 give the NOA
/// a thousand generations).
/// </summary>
public sealed class NoaNetwork(int neurons) : ISequencer
{
    public const int Inputs = 1 + GoalTask.Count;

    private readonly double[] _inputs = new double[Inputs];
    private ProgrammableLayer? _layer;

    public int Neurons { get; } = neurons > 0 ? neurons : throw new ArgumentOutOfRangeException(nameof(neurons), neurons, "the NOA needs at least one neuron");

    /// <summary>Weights and biases, in the order of <see cref="LayerDefinition.AllConnections"/>: per neuron, its row of W, its row of V, its bias.</summary>
    public int ParameterCount => ParametersOf(Neurons);

    /// <summary>The weights and biases of a NOA of <paramref name="neurons"/> neurons.</summary>
    public static int ParametersOf(int neurons) => neurons * (neurons + Inputs + 1);

    /// <summary>The neurons of the NOA whose parameter count is closest to <paramref name="parameters"/> (the fewer on a tie).</summary>
    public static int NeuronsLike(int parameters) =>
        Enumerable.Range(1, parameters).MinBy(n => Math.Abs(ParametersOf(n) - parameters));

    public static WeightRange Range => WeightRange.Default;

    /// <summary>Sets every weight and bias (a new layer: training only, never a control path).</summary>
    public void Load(ReadOnlySpan<double> weights)
    {
        if (weights.Length != ParameterCount)
        {
            throw new ArgumentException($"the NOA takes {ParameterCount} weights and biases, got {weights.Length}", nameof(weights));
        }

        var recurrent = new double[Neurons][];
        var input = new double[Neurons][];
        var bias = new double[Neurons];
        for (var i = 0; i < Neurons; i++)
        {
            var row = weights.Slice(i * (Neurons + Inputs + 1), Neurons + Inputs + 1);
            recurrent[i] = row[..Neurons].ToArray();
            input[i] = row.Slice(Neurons, Inputs).ToArray();
            bias[i] = row[^1];
        }

        _layer = new ProgrammableLayer(new LayerDefinition
        {
            Name = "NOA",
            NeuronCount = Neurons,
            InputCount = Inputs,
            Tau = Enumerable.Repeat(1.0, Neurons).ToArray(),
            Recurrent = recurrent,
            Input = input,
            Bias = bias,
            Step = 0.2,
        });
    }

    /// <summary>Presents task <paramref name="task"/> on the task lines.</summary>
    public void Select(GoalTask task)
    {
        Array.Clear(_inputs);
        _inputs[task.Number] = 1.0;
    }

    public void Reset() => Layer.Reset();

    public double Step(double trigger)
    {
        _inputs[0] = trigger;
        Layer.Step(_inputs);
        return Layer.State[0];
    }

    private ProgrammableLayer Layer => _layer ?? throw new InvalidOperationException("load the NOA's weights first");
}
