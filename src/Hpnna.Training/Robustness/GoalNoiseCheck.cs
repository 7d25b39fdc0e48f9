using Hpnna.Core.Layers;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Robustness;

/// <summary>How a goal code holds up under fresh code noise on its own task: of <see cref="Copies"/> noisy copies, how many did every sequence right, and how many sequences were right in all.</summary>
public sealed record GoalNoiseCheck(int Copies, int CopiesAllRight, int Sequences, int SequencesRight)
{
    public double CopyRate => (double)CopiesAllRight / Copies;

    public double SequenceRate => (double)SequencesRight / Sequences;

    /// <summary>
    /// Scores <paramref name="copies"/> copies of <paramref name="code"/> under <paramref name="noise"/> (<see cref="CodeNoise"/>,
    /// drawn from <paramref name="seed"/>) on every sequence of <paramref name="dataset"/>. Fresh copies, unlike those a robust
    /// run was scored on, show what the robot meets: a run can learn the copies it is scored on (<see cref="RobustFitness"/>).
    /// With several voting <paramref name="modules"/>, a copy perturbs each module's lines on its own, as the robot's L2 is fed.
    /// </summary>
    public static GoalNoiseCheck Measure(GoalTask task, ReadOnlySpan<double> code, LayerDefinition l2, TriggerDataset dataset, double noise, int copies, int seed, int modules = 1)
    {
        if (copies < 1 || !(noise >= 0 && noise <= 1))
        {
            throw new ArgumentException($"a noise check needs at least one copy and a noise level between 0 and 1 (got {copies} and {noise})");
        }

        var sequencer = new L2Sequencer(l2, modules);
        var scratch = SequencingScore.ScratchFor(dataset);
        var random = new Random(seed);
        int allRight = 0, right = 0;
        for (var c = 0; c < copies; c++)
        {
            for (var m = 0; m < modules; m++)
            {
                sequencer.LoadModule(m, CodeNoise.Apply(code, noise, l2.WeightRange, random));
            }

            var score = SequencingScore.Measure(sequencer, task, dataset, scratch);
            right += score.SequencesRight;
            allRight += score.AllRight ? 1 : 0;
        }

        return new GoalNoiseCheck(copies, allRight, copies * dataset.Sequences.Count, right);
    }
}
