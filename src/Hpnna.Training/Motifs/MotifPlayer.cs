using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;

namespace Hpnna.Training.Motifs;

/// <summary>
/// Plays motif programs on one motif interpreter, one after another as a chain would: each <see cref="Play"/>
/// loads a code (a program switch, prepared by the transition module when its phase is on) and records the
/// two output neurons for the motif's length. Nothing is reset between plays unless asked.
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

    /// <summary>Switches to <paramref name="code"/> and runs it for <c>x.Length</c> steps, recording the pen's x and y velocity outputs.</summary>
    public void Play(ReadOnlySpan<double> code, Span<double> x, Span<double> y)
    {
        Layer.SetCode(code);
        _transition.Switch();
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
