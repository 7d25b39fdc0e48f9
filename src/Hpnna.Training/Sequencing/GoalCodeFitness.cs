using Hpnna.Core.Layers;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// HPNNA's L2 task: the fitness of a goal code for one task on the fixed L2 interpreter. It solves the task
/// when every sequence of the dataset is done right.
/// </summary>
public sealed class GoalCodeFitness : IFitnessFunction
{
    private readonly GoalTask _task;
    private readonly TriggerDataset _dataset;
    private readonly LayerDefinition _l2;

    public GoalCodeFitness(GoalTask task, TriggerDataset dataset, LayerDefinition l2)
    {
        _task = task;
        _dataset = dataset;
        _l2 = l2;
        Bounds = new SearchBounds(l2.CodeLength, l2.WeightRange.Min, l2.WeightRange.Max);
    }

    public SearchBounds Bounds { get; }

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(this);

    private sealed class Evaluator(GoalCodeFitness owner) : IFitnessEvaluator
    {
        private readonly L2Sequencer _sequencer = new(owner._l2);
        private readonly double[] _scratch = SequencingScore.ScratchFor(owner._dataset);

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            _sequencer.Load(candidate);
            var score = SequencingScore.Measure(_sequencer, owner._task, owner._dataset, _scratch);
            return new Evaluation(score.Fitness, score.AllRight);
        }
    }
}
