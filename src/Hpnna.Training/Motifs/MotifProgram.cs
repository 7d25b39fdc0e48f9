using Hpnna.Core.Layers;

namespace Hpnna.Training.Motifs;

/// <summary>
/// A motif as learned: its code on the motif interpreter and, when learned with it, the slow state it starts
/// from (null: the interpreter's shared initial state).
/// </summary>
public sealed record MotifProgram(double[] Code, double[]? InitialState = null)
{
    /// <summary>
    /// Reads a DE candidate: the code, then (when <paramref name="learnsInitialState"/>) one gene per slow
    /// neuron mapped linearly from the code's range onto the state's [0, 1], so that one set of bounds serves both.
    /// </summary>
    public static MotifProgram FromCandidate(ReadOnlySpan<double> candidate, LayerDefinition interpreter, bool learnsInitialState)
    {
        var code = candidate[..interpreter.CodeLength].ToArray();
        if (!learnsInitialState)
        {
            return new MotifProgram(code);
        }

        var (min, max) = (interpreter.WeightRange.Min, interpreter.WeightRange.Max);
        var genes = candidate.Slice(interpreter.CodeLength, interpreter.NeuronCount);
        var state = new double[genes.Length];
        for (var i = 0; i < state.Length; i++)
        {
            state[i] = (genes[i] - min) / (max - min);
        }

        return new MotifProgram(code, state);
    }

    /// <summary>Candidate length: the code, plus one gene per slow neuron when the initial state is learned too.</summary>
    public static int CandidateLength(LayerDefinition interpreter, bool learnsInitialState) =>
        interpreter.CodeLength + (learnsInitialState ? interpreter.NeuronCount : 0);
}
