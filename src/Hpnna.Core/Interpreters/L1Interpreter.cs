using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;

namespace Hpnna.Core.Interpreters;

/// <summary>
/// The motor-primitive interpreter: three proximities in, linear and angular speed activities out; which
/// primitive it runs is decided only by the code on its programming lines.
/// </summary>
public sealed class L1Interpreter
{
    public const int LinearNeuron = 0;
    public const int AngularNeuron = 1;

    private readonly double[] _inputs = new double[3];

    public L1Interpreter(LayerDefinition definition)
    {
        if (definition.InputCount != 3 || definition.NeuronCount < 2)
        {
            throw new ArgumentException($"an L1 interpreter needs 3 inputs (right, left, front) and at least 2 neurons; '{definition.Name}' has {definition.InputCount} inputs and {definition.NeuronCount} neurons", nameof(definition));
        }

        Layer = new ProgrammableLayer(definition);
    }

    public ProgrammableLayer Layer { get; }

    public MotorOutput Output => new(Layer.State[LinearNeuron], Layer.State[AngularNeuron]);

    public MotorOutput Step(in Proximities proximities)
    {
        Fill(proximities);
        Layer.Step(_inputs);
        return Output;
    }

    /// <summary>One step through a transition module of this layer: a preparatory step while its phase runs, else a normal one.</summary>
    public MotorOutput Step(in Proximities proximities, TransitionModule transition)
    {
        Fill(proximities);
        transition.Step(_inputs);
        return Output;
    }

    private void Fill(in Proximities proximities)
    {
        _inputs[0] = proximities.Right;
        _inputs[1] = proximities.Left;
        _inputs[2] = proximities.Front;
    }
}
