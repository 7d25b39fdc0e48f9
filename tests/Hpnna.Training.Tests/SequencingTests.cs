using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Training.Evolution;
using Hpnna.Training.Experiments.ProgramsVsDynamics;
using Hpnna.Training.Libraries;
using Hpnna.Training.Robustness;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Tests;

public sealed class SequencingTests
{
    [Fact]
    public void A_sequencer_that_follows_the_target_scores_one_and_does_every_sequence_right()
    {
        var dataset = TriggerDataset.ThreeSizes();
        var task = GoalTask.Parse("lrl");

        var score = SequencingScore.Measure(new Scripted(task, dataset), task, dataset, SequencingScore.ScratchFor(dataset));

        Assert.Equal(1.0, score.Fitness, 12);
        Assert.True(score.AllRight);
    }

    [Fact]
    public void A_wrong_choice_in_one_sequence_fails_the_task_and_costs_fitness_beyond_its_few_steps()
    {
        var dataset = TriggerDataset.ThreeSizes();
        var task = GoalTask.Parse("rlr");
        var scratch = SequencingScore.ScratchFor(dataset);

        var oneWrong = SequencingScore.Measure(new Scripted(task, dataset, wrongSequence: 7), task, dataset, scratch);

        Assert.False(oneWrong.AllRight);
        Assert.Equal(dataset.Sequences.Count - 1, oneWrong.SequencesRight);
        // The sequences-right term alone costs 1/3 of 1/30: a candidate that gets one more sequence right wins
        // even when its trace is a little less close, which is what aligns DE with the solved criterion.
        Assert.True(oneWrong.Fitness < 1.0 - 1.0 / (3 * dataset.Sequences.Count) + 1e-12, $"fitness {oneWrong.Fitness}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void A_task_with_a_lead_needs_each_choice_made_that_many_steps_before_its_turn(int late)
    {
        var dataset = TriggerDataset.ThreeSizes();
        var task = GoalTask.Parse("lrl");
        var scratch = SequencingScore.ScratchFor(dataset);

        var inTime = SequencingScore.Measure(new SwitchesLate(task, dataset, late), task with { Lead = late }, dataset, scratch);
        var tooLate = SequencingScore.Measure(new SwitchesLate(task, dataset, late), task with { Lead = late + 1 }, dataset, scratch);

        Assert.True(inTime.AllRight);
        Assert.Equal(0, tooLate.SequencesRight);
        Assert.Equal("T3 (lrl, choosing 6 steps before each turn)", (task with { Lead = 6 }).ToString());
        Assert.Equal("T3 (lrl)", task.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => task with { Lead = GoalTask.MaxLead + 1 });
    }

    [Theory]
    [InlineData(4, 10, 200)]
    [InlineData(6, 15, 375)]
    public void The_NOA_is_sized_to_about_as_many_parameters_as_the_eight_goal_codes(int l2Neurons, int noaNeurons, int parameters)
    {
        var settings = new ProgramsVsDynamicsSettings { L2Neurons = l2Neurons };

        Assert.Equal(noaNeurons, settings.NoaNeurons);
        Assert.Equal(parameters, NoaNetwork.ParametersOf(noaNeurons));
        Assert.Equal(l2Neurons * (l2Neurons + 2), settings.L2().CodeLength);
    }

    [Fact]
    public void The_NOA_is_the_plain_CTRNN_that_an_interpreter_with_ideal_muls_and_the_same_weights_computes()
    {
        var random = new Random(4);
        var noa = new NoaNetwork(7);
        var weights = Enumerable.Range(0, noa.ParameterCount).Select(_ => -5 + 10 * random.NextDouble()).ToArray();
        noa.Load(weights);
        var reference = new ProgrammableLayer(new LayerDefinition
        {
            NeuronCount = noa.Neurons,
            InputCount = NoaNetwork.Inputs,
            Tau = Enumerable.Repeat(1.0, noa.Neurons).ToArray(),
            Programmable = LayerDefinition.AllConnections(noa.Neurons, NoaNetwork.Inputs),
            Mul = MulKind.Ideal,
            Step = 0.2,
        });
        reference.SetCode(weights);
        var task = GoalTask.Parse("llr");
        noa.Select(task);
        noa.Reset();
        var inputs = new double[NoaNetwork.Inputs];
        inputs[task.Number] = 1;

        foreach (var trigger in TriggerDataset.SingleSize().Sequences[3].Trigger)
        {
            inputs[0] = trigger;
            reference.Step(inputs);
            Assert.Equal(reference.State[0], noa.Step(trigger), 12);
        }

        Assert.Throws<ArgumentException>(() => noa.Load(weights.AsSpan(1)));
    }

    [Fact]
    public void DE_best_1_with_restarts_learns_all_eight_goal_codes_for_published_muls_via_ideal_muls()
    {
        var l2 = InterpreterTopologies.L2(MulKind.Published);
        var dataset = TriggerDataset.ThreeSizes();
        var settings = new DeSettings { Strategy = DeStrategy.BestOneBin, RestartAfter = 100, MaxGenerations = 1000, Seed = 1 };
        var evaluator = new GoalCodeFitness(GoalTask.Parse("lrl"), dataset, l2).CreateEvaluator();

        var trained = GoalTask.All.Select(task => ProgramTraining.GoalViaIdeal(task, dataset, l2, settings, settings.MaxGenerations, RobustTraining.None, "test")).ToList();

        Assert.Empty(trained.Where(t => !t.Run.BestEvaluation.Solves).Select(t => t.Program.Name));
        Assert.True(evaluator.Evaluate(trained[2].Program.Code).Solves, "G3's code, scored again on published muls");
    }

    [Fact]
    public void Robust_learning_via_ideal_muls_scores_noisy_copies_on_the_robots_muls()
    {
        var l2 = InterpreterTopologies.L2(MulKind.Published);
        var dataset = TriggerDataset.ThreeSizes();
        var task = GoalTask.Parse("rrr");
        var robust = new RobustTraining(0.1, 4);
        var settings = new DeSettings { Strategy = DeStrategy.BestOneBin, MaxGenerations = 15, Seed = 3 };

        var trained = ProgramTraining.GoalViaIdeal(task, dataset, l2, settings, settings.MaxGenerations, robust, "test");
        var rescored = robust.Wrap(new GoalCodeFitness(task, dataset, l2), l2.WeightRange, settings.Seed).CreateEvaluator().Evaluate(trained.Program.Code);

        Assert.Equal(rescored, trained.Run.BestEvaluation);
        Assert.Contains("robust to 10% code noise (4 noisy copies)", trained.Program.Trained!.Task);
    }

    [Fact]
    public void With_redrawn_copies_via_ideal_muls_the_refining_stages_run_every_generation()
    {
        var l2 = InterpreterTopologies.L2(MulKind.Published);
        var dataset = TriggerDataset.SingleSize();
        var task = GoalTask.Parse("rrr");
        var robust = new RobustTraining(0.1, 2, Redraw: true);
        var settings = new DeSettings { Strategy = DeStrategy.BestOneBin, MaxGenerations = 5, Seed = 3, Population = 6 };

        var trained = ProgramTraining.GoalViaIdeal(task, dataset, l2, settings, settings.MaxGenerations, robust, "test");
        var generations = trained.Run.History.Select(p => p.Generation).ToList();

        // The first stage stops once solved; the two redrawn ones run 5 generations each, counted on from it.
        Assert.Equal(generations.Order(), generations);
        Assert.True(trained.Run.Generations >= 10, $"ran {trained.Run.Generations} generations");
        var firstStage = trained.Run.Generations - 10;
        Assert.Equal(firstStage + 1 + (2 * (5 + 1)), trained.Run.History.Count); // each stage's generation 0 too
        Assert.Contains("robust to 10% code noise (2 noisy copies, drawn afresh every generation)", trained.Program.Trained!.Task);
    }

    /// <summary>Outputs each junction's choice from <paramref name="late"/> steps before its turn, the opposite before that.</summary>
    private sealed class SwitchesLate(GoalTask task, TriggerDataset dataset, int late) : Replaying(dataset)
    {
        protected override double Output(TriggerSequence sequence, int index, int step)
        {
            var junction = sequence.JunctionAt(step, SequenceScore.Commit);
            return (step >= sequence.Turns[junction].Start - late) == task.TurnsRight(junction) ? 1 : 0;
        }
    }

    /// <summary>Outputs the task's target exactly, with every choice inverted in sequence <paramref name="wrongSequence"/>, if any.</summary>
    private sealed class Scripted(GoalTask task, TriggerDataset dataset, int wrongSequence = -1) : Replaying(dataset)
    {
        protected override double Output(TriggerSequence sequence, int index, int step)
        {
            var target = SequenceScore.Target(sequence, task, step);
            return index == wrongSequence ? 1 - target : target;
        }
    }

    /// <summary>A sequencer scripted per step of the dataset's sequences, taken in order (one per reset).</summary>
    private abstract class Replaying(TriggerDataset dataset) : ISequencer
    {
        private int _sequence = -1;
        private int _step;

        public void Reset()
        {
            _sequence++;
            _step = 0;
        }

        public double Step(double trigger) => Output(dataset.Sequences[_sequence], _sequence, _step++);

        protected abstract double Output(TriggerSequence sequence, int index, int step);
    }
}
