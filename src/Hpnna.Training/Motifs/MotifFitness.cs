using Hpnna.Core.Layers;
using Hpnna.Core.Transitions;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Motifs;

/// <summary>
/// The fitness of a code for one motif on the fixed motif interpreter: minus the mean squared error of the
/// outputs, averaged over the training starts. The first start is always the interpreter's initial state;
/// with <paramref name="randomStarts"/> &gt; 0 that many random states (drawn once from <paramref name="seed"/>, so
/// evaluation is pure) are added: the seed's baseline of training from random initial states. With
/// <paramref name="learnsInitialState"/> the candidate carries the program's own initial state too
/// (<see cref="MotifProgram.FromCandidate"/>) and the motif is played from it instead of the shared one.
/// </summary>
public sealed class MotifFitness(Motif motif, LayerDefinition interpreter, int randomStarts, int seed, bool learnsInitialState = false) : IFitnessFunction
{
    /// <summary>A motif counts as learned below this root-mean-square error (activity units).</summary>
    public const double LearnedRms = 0.02;

    private readonly Motif _motif = motif;
    private readonly LayerDefinition _interpreter = interpreter;
    private readonly double[][] _starts = RandomStates(interpreter.NeuronCount, randomStarts, seed);

    public SearchBounds Bounds { get; } = new(MotifProgram.CandidateLength(interpreter, learnsInitialState), interpreter.WeightRange.Min, interpreter.WeightRange.Max);

    public bool LearnsInitialState => learnsInitialState;

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(this);

    /// <summary>Random slow states in [0, 1]^N: stand-ins for wherever another program may leave the layer.</summary>
    public static double[][] RandomStates(int neurons, int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, neurons).Select(_ => random.NextDouble()).ToArray())];
    }

    private sealed class Evaluator(MotifFitness owner) : IFitnessEvaluator
    {
        private readonly MotifPlayer _player = new(owner._interpreter, PreparatoryPhase.Off);
        private readonly double[] _x = new double[owner._motif.Steps];
        private readonly double[] _y = new double[owner._motif.Steps];

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            var program = MotifProgram.FromCandidate(candidate, owner._interpreter, owner.LearnsInitialState);
            _player.PlayAlone(program, _x, _y);
            var total = owner._motif.MeanSquaredError(_x, _y);
            foreach (var start in owner._starts)
            {
                _player.Reset();
                _player.Place(start);
                _player.Play(program, _x, _y);
                total += owner._motif.MeanSquaredError(_x, _y);
            }

            var mse = total / (owner._starts.Length + 1);
            return new Evaluation(-mse, Math.Sqrt(mse) < LearnedRms);
        }
    }
}
