using Hpnna.Training.Evolution;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Experiments.ProgramsVsDynamics;

public sealed record ProgramsVsDynamicsResult(ProgramsVsDynamicsSettings Settings, IReadOnlyList<ArchitectureRun> Runs, TimeSpan Elapsed);

/// <summary>
/// Experiment 1, the paper's title claim: HPNNA (one goal code per task on the fixed L2 interpreter) against
/// the NOA (a fully connected CTRNN of about as many parameters, with the task as an input, whose weights
/// are all learned for all eight tasks at once), on the one-size and three-size trigger datasets.
/// </summary>
/// <remarks>
/// Every run has its own seed derived from the experiment seed, the dataset and the run number
/// (<see cref="TrialSeed"/>), and DE is thread-count independent, so the whole result is too. Each run's
/// learned programs are then tested on trigger sequences of maze sizes never seen in training.
/// </remarks>
public static class ProgramsVsDynamicsExperiment
{
    public static ProgramsVsDynamicsResult Run(ProgramsVsDynamicsSettings settings, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var l2 = settings.L2();
        var unseen = settings.UnseenLambdas.Select((l, i) => TriggerDataset.Create($"lambda {l}", [l], TriggerDataset.DefaultSequencesPerSize, TrialSeed.Of(settings.Seed, 1000, i))).ToArray();
        var runs = new List<ArchitectureRun>();
        var total = settings.Datasets.Count * settings.Runs * (GoalTask.Count + 1);
        var done = 0;
        for (var d = 0; d < settings.Datasets.Count; d++)
        {
            var dataset = TriggerDataset.Named(settings.Datasets[d]);
            for (var r = 0; r < settings.Runs; r++)
            {
                runs.Add(RunHpnna(settings, l2, dataset, unseen, d, r, () => progress?.Invoke(++done, total), cancellation));
                runs.Add(RunNoa(settings, dataset, unseen, d, r, cancellation));
                progress?.Invoke(++done, total);
            }
        }

        return new ProgramsVsDynamicsResult(settings, runs, clock.Elapsed);
    }

    private static ArchitectureRun RunHpnna(ProgramsVsDynamicsSettings settings, Core.Layers.LayerDefinition l2, TriggerDataset dataset, TriggerDataset[] unseen, int d, int r, Action taskDone, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sequencer = new L2Sequencer(l2);
        var curve = new double[settings.Generations + 1];
        var fitness = 0.0;
        var solved = 0;
        var lastSolved = 0;
        var unseenRight = new double[unseen.Length];
        foreach (var task in GoalTask.All)
        {
            var result = DifferentialEvolution.Run(new GoalCodeFitness(task, dataset, l2), settings.Evolution(TrialSeed.Of(settings.Seed, d, r, task.Number)), cancellation: cancellation);
            cancellation.ThrowIfCancellationRequested();
            AddCurve(curve, result, 1.0 / GoalTask.Count);
            fitness += result.BestEvaluation.Fitness / GoalTask.Count;
            if (result.GenerationSolved is { } g)
            {
                solved++;
                lastSolved = Math.Max(lastSolved, g);
            }

            sequencer.Load(result.Best);
            for (var u = 0; u < unseen.Length; u++)
            {
                unseenRight[u] += FractionRight(sequencer, task, unseen[u]) / GoalTask.Count;
            }

            taskDone();
        }

        return new ArchitectureRun(Architecture.Hpnna, dataset.Name, r, fitness, solved, solved == GoalTask.Count ? lastSolved : null, unseenRight, curve, clock.Elapsed);
    }

    private static ArchitectureRun RunNoa(ProgramsVsDynamicsSettings settings, TriggerDataset dataset, TriggerDataset[] unseen, int d, int r, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = DifferentialEvolution.Run(new NoaFitness(dataset, settings.NoaNeurons), settings.Evolution(TrialSeed.Of(settings.Seed, d, r, 100)), cancellation: cancellation);
        cancellation.ThrowIfCancellationRequested();
        var curve = new double[settings.Generations + 1];
        AddCurve(curve, result, 1.0);
        var network = new NoaNetwork(settings.NoaNeurons);
        network.Load(result.Best);
        var scratch = SequencingScore.ScratchFor(dataset);
        var solved = 0;
        var unseenRight = new double[unseen.Length];
        foreach (var task in GoalTask.All)
        {
            network.Select(task);
            solved += SequencingScore.Measure(network, task, dataset, scratch).AllRight ? 1 : 0;
            for (var u = 0; u < unseen.Length; u++)
            {
                unseenRight[u] += FractionRight(network, task, unseen[u]) / GoalTask.Count;
            }
        }

        return new ArchitectureRun(Architecture.Noa, dataset.Name, r, result.BestEvaluation.Fitness, solved, result.GenerationSolved, unseenRight, curve, clock.Elapsed);
    }

    /// <summary>Adds the run's best fitness after every generation, times <paramref name="weight"/>, held at its last value after the run stopped.</summary>
    private static void AddCurve(double[] curve, DeResult result, double weight)
    {
        var history = result.History;
        for (var g = 0; g < curve.Length; g++)
        {
            curve[g] += weight * history[Math.Min(g, history.Count - 1)].BestFitness;
        }
    }

    private static double FractionRight(ISequencer sequencer, GoalTask task, TriggerDataset dataset)
    {
        var score = SequencingScore.Measure(sequencer, task, dataset, SequencingScore.ScratchFor(dataset));
        return (double)score.SequencesRight / score.Sequences;
    }
}
