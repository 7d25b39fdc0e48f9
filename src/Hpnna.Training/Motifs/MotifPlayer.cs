using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;

namespace Hpnna.Training.Motifs;

/// <summary>
/// Plays motif programs on one motif interpreter, one after another as a chain would: each <see cref="Play"/>
/// loads a program's code (a program switch, prepared by the transition module toward the program's initial
/// state when its phase is on) and records the two output neurons for the motif's length. Nothing is reset
/// between plays unless asked.
/// </summary>
public sealed class MotifPlayer
{
    private readonly TransitionModule _transition;

    public MotifPlayer(LayerDefinition definition, PreparatoryPhase phase)
    {
        Layer = new ProgrammableLayer(definition);
        _transition = new TransitionModule(Layer, phase);
    }

    public ProgrammableLayer Layer { get; }

    /// <summary>Back to the initial state, as at the start of training.</summary>
    public void Reset()
    {
        Layer.Reset();
        _transition.Cancel();
    }

    /// <summary>Puts the slow neurons at <paramref name="state"/> (a random start of training); the fast units keep theirs.</summary>
    public void Place(ReadOnlySpan<double> state) => Layer.ContractToward(state, 1);

    /// <summary>Plays <paramref name="program"/> as trained: from a reset layer placed exactly at the program's initial state.</summary>
    public void PlayAlone(MotifProgram program, Span<double> x, Span<double> y)
    {
        Reset();
        if (program.InitialState is { } state)
        {
            Place(state);
        }

        Play(program, x, y);
    }

    /// <summary>Switches to <paramref name="program"/> and runs it for <c>x.Length</c> steps, recording the pen's x and y velocity outputs.</summary>
    public void Play(MotifProgram program, Span<double> x, Span<double> y)
    {
        Layer.SetCode(program.Code);
        if (program.InitialState is { } target)
        {
            _transition.Switch(target);
        }
        else
        {
            _transition.Switch();
        }

        while (_transition.Preparing)
        {
            _transition.Step([]);
        }

        for (var k = 0; k < x.Length; k++)
        {
            _transition.Step([]);
            x[k] = Layer.State[0];
            y[k] = Layer.State[1];
        }
    }
}
