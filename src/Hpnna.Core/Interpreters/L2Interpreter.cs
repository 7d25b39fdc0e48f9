using Hpnna.Core.Layers;

namespace Hpnna.Core.Interpreters;

/// <summary>
/// The goal interpreter: a junction trigger in, one selection activity out (high selects Pr, low Pl); the
/// goal's code on its programming lines decides the sequence of choices.
/// </summary>
public sealed class L2Interpreter
{
    public const int SelectionNeuron = 0;

    private readonly double[] _input = new double[1];

    public L2Interpreter(LayerDefinition definition)
    {
        if (definition.InputCount != 1)
        {
            throw new ArgumentException($"an L2 interpreter has exactly one input (the trigger); '{definition.Name}' has {definition.InputCount}", nameof(definition));
        }

        Layer = new ProgrammableLayer(definition);
    }

    public ProgrammableLayer Layer { get; }

    public double Selection => Layer.State[SelectionNeuron];

    public double Step(double trigger)
    {
        _input[0] = trigger;
        Layer.Step(_input);
        return Selection;
    }
}
