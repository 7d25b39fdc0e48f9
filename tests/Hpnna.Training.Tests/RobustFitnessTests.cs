using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Programs.Library;
using Hpnna.Training.Evolution;
using Hpnna.Training.Robustness;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Tests;

public sealed class RobustFitnessTests
{
    /// <summary>Fitness -sum(x^2); "solves" when every value is within 1 of 0.</summary>
    private sealed class Bowl : IFitnessFunction
    {
        public SearchBounds Bounds { get; } = new(3, -5, 5);

        public IFitnessEvaluator CreateEvaluator() => new Evaluator();

        private sealed class Evaluator : IFitnessEvaluator
        {
            public Evaluation Evaluate(ReadOnlySpan<double> x)
            {
                var sum = 0.0;
                var inside = true;
                foreach (var v in x)
                {
                    sum += v * v;
                    inside &= Math.Abs(v) <= 1;
                }

                return new Evaluation(-sum, inside);
            }
        }
    }

    [Fact]
    public void Without_noise_it_is_the_plain_fitness_and_with_noise_a_deterministic_mean()
    {
        double[] x = [1.0, -2.0, 0.5];
        var plain = new Bowl().CreateEvaluator().Evaluate(x);

        var zero = new RobustFitness(new Bowl(), WeightRange.Default, 0, 3, seed: 7).CreateEvaluator().Evaluate(x);
        var noisy = new RobustFitness(new Bowl(), WeightRange.Default, 0.2, 3, seed: 7);

        Assert.Equal(plain.Fitness, zero.Fitness, 12);
        Assert.Equal(noisy.CreateEvaluator().Evaluate(x), noisy.CreateEvaluator().Evaluate(x));
        Assert.NotEqual(plain.Fitness, noisy.CreateEvaluator().Evaluate(x).Fitness);
    }

    [Fact]
    public void A_candidate_solves_only_when_every_noisy_copy_does()
    {
        var robust = new RobustFitness(new Bowl(), WeightRange.Default, 0.5, 8, seed: 1).CreateEvaluator();

        Assert.True(robust.Evaluate([0.1, 0.1, 0.1]).Solves);
        Assert.False(robust.Evaluate([0.99, 0.99, 0.99]).Solves); // inside, but a 50% error pushes a copy out
    }

    [Fact]
    public void Redrawn_copies_are_drawn_by_generation_and_copies_drawn_once_never_change()
    {
        double[] x = [1.0, -2.0, 0.5];
        var once = new RobustFitness(new Bowl(), WeightRange.Default, 0.2, 3, seed: 7);
        var redrawn = new RobustFitness(new Bowl(), WeightRange.Default, 0.2, 3, seed: 7, redraw: true);
        var fixedScore = once.CreateEvaluator().Evaluate(x);

        Assert.False(once.Resample(1));
        Assert.Equal(fixedScore, once.CreateEvaluator().Evaluate(x));

        Assert.True(redrawn.Resample(1));
        var first = redrawn.CreateEvaluator().Evaluate(x);
        Assert.True(redrawn.Resample(2));
        var second = redrawn.CreateEvaluator().Evaluate(x);
        redrawn.Resample(1);

        Assert.NotEqual(first.Fitness, second.Fitness);
        Assert.Equal(first, redrawn.CreateEvaluator().Evaluate(x));
    }

    [Fact]
    public void A_run_on_redrawn_copies_rescores_its_population_every_generation_and_chooses_on_fresh_draws()
    {
        RobustFitness Fitness() => new(new Bowl(), WeightRange.Default, 0.3, 4, seed: 3, redraw: true);
        var settings = new DeSettings { Population = 8, MaxGenerations = 40, StopWhenSolved = false, Seed = 5 };
        var fitness = Fitness();

        var runs = new[] { 1, 2 }.Select(threads => DifferentialEvolution.Run(threads == 1 ? fitness : Fitness(), settings with { Threads = threads })).ToList();

        Assert.Equal(runs[0].Best, runs[1].Best);
        Assert.Equal(runs[0].History.Select(h => h.MeanFitness), runs[1].History.Select(h => h.MeanFitness));

        // Each generation rescored the population, then scored its trials; then the population and the best
        // set aside were scored on the draws of generations 41 to 48, and the best mean won.
        Assert.Equal(8 + (40 * 2 * 8) + (9 * DifferentialEvolution.FinalDraws), runs[0].Evaluations);
        var mean = Enumerable.Range(41, DifferentialEvolution.FinalDraws).Average(generation =>
        {
            fitness.Resample(generation);
            return fitness.CreateEvaluator().Evaluate(runs[0].Best).Fitness;
        });
        Assert.Equal(mean, runs[0].BestEvaluation.Fitness, 12);
        Assert.Equal(runs[0].BestEvaluation.Fitness, runs[0].History[^1].BestFitness);
    }

    [Fact]
    public void The_noise_check_counts_copies_and_sequences_done_right_and_repeats_from_its_seed()
    {
        var l2 = ProgramLibrary.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"), InterpreterTopologies.L2());
        var dataset = TriggerDataset.Sizes([2.4, 4, 5.6], seed: 7);
        var task = GoalTask.Parse("G7");

        var clean = GoalNoiseCheck.Measure(task, l2["G7"].Code, l2.Interpreter, dataset, 0, 3, seed: 1);
        var noisy = GoalNoiseCheck.Measure(task, l2["G7"].Code, l2.Interpreter, dataset, 0.15, 40, seed: 1);

        Assert.Equal(new GoalNoiseCheck(3, 3, 90, 90), clean);
        Assert.True(noisy.CopiesAllRight < 40 && noisy.SequencesRight > noisy.CopiesAllRight * 30, $"{noisy}");
        Assert.Equal(noisy, GoalNoiseCheck.Measure(task, l2["G7"].Code, l2.Interpreter, dataset, 0.15, 40, seed: 1));
        Assert.Throws<ArgumentException>(() => GoalNoiseCheck.Measure(task, l2["G7"].Code, l2.Interpreter, dataset, 0.1, 0, seed: 1));
    }

    [Fact]
    public void Voting_modules_each_perturbed_on_their_own_outvote_a_miscounting_one()
    {
        var l2 = ProgramLibrary.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"), InterpreterTopologies.L2());
        var dataset = TriggerDataset.Sizes([2.4, 4, 5.6], seed: 7);
        var task = GoalTask.Parse("G7");

        var one = GoalNoiseCheck.Measure(task, l2["G7"].Code, l2.Interpreter, dataset, 0.1, 40, seed: 1, modules: 1);
        var five = GoalNoiseCheck.Measure(task, l2["G7"].Code, l2.Interpreter, dataset, 0.1, 40, seed: 1, modules: 5);

        // Measured on 200 copies: 85.6% of sequences right with one module, 97.3% with five.
        Assert.True(five.SequencesRight > one.SequencesRight + (0.05 * one.Sequences), $"one {one}, five {five}");
        Assert.Equal(new GoalNoiseCheck(3, 3, 90, 90), GoalNoiseCheck.Measure(task, l2["G7"].Code, l2.Interpreter, dataset, 0, 3, seed: 1, modules: 5));
    }

    [Fact]
    public void Noise_is_relative_and_clamped_to_the_weight_range()
    {
        var noisy = new double[3];
        CodeNoise.Apply([4.0, 0.0, -2.0], 0.5, WeightRange.Default, [1.0, 3.0, -1.0], noisy);

        Assert.Equal([5.0, 0.0, -1.0], noisy); // 6 clamped to 5; zero stays zero; -2 (1 - 0.5)
        Assert.Throws<ArgumentException>(() => new RobustFitness(new Bowl(), WeightRange.Default, 0.1, 0, 1));
    }
}
