using Hpnna.Training.Evolution;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// The NOA's task: one weight vector scored on all eight tasks; its fitness is the mean of the eight task
/// fitnesses and it solves the task when all eight are done right on every sequence.
/// </summary>
public sealed class NoaFitness(TriggerDataset dataset, int neurons) : IFitnessFunction
{
    public SearchBounds Bounds { get; } = new(NoaNetwork.ParametersOf(neurons), NoaNetwork.Range.Min, NoaNetwork.Range.Max);

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(dataset, neurons);

    private sealed class Evaluator(TriggerDataset dataset, int neurons) : IFitnessEvaluator
    {
        private readonly NoaNetwork _network = new(neurons);
        private readonly double[] _scratch = SequencingScore.ScratchFor(dataset);

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            _network.Load(candidate);
            var fitness = 0.0;
            var all = true;
            foreach (var task in GoalTask.All)
            {
                _network.Select(task);
                var score = SequencingScore.Measure(_network, task, dataset, _scratch);
                fitness += score.Fitness;
                all &= score.AllRight;
            }

            return new Evaluation(fitness / GoalTask.Count, all);
        }
    }
}
