namespace Hpnna.Training.Sequencing;

/// <summary>How a sequencer did on a task over a whole dataset.</summary>
/// <remarks>
/// Fitness is the mean of three terms, 1 for a perfect trace: the decision credit, 1 minus the mean squared
/// error, and the fraction of sequences done right. Without the third, a code that did 29 of 30 sequences
/// right could outscore one that did all 30 on a closer trace in the corridors, and DE settled there: the
/// paper's DE left 2-4 of 8 tasks unsolved after 300 generations; with it, DE/best/1/bin learns all eight.
/// </remarks>
public readonly record struct SequencingScore(double SquaredError, int Steps, double Credit, int DecisionSteps, int SequencesRight, int Sequences)
{
    public double Fitness => (Credit / DecisionSteps + (1.0 - SquaredError / Steps) + (double)SequencesRight / Sequences) / 3.0;

    public bool AllRight => SequencesRight == Sequences;

    /// <summary>Runs <paramref name="sequencer"/> from reset through every sequence of <paramref name="dataset"/>.</summary>
    public static SequencingScore Measure(ISequencer sequencer, GoalTask task, TriggerDataset dataset, Span<double> scratch)
    {
        var error = 0.0;
        var steps = 0;
        var credit = 0.0;
        var decisionSteps = 0;
        var right = 0;
        foreach (var sequence in dataset.Sequences)
        {
            sequencer.Reset();
            var outputs = scratch[..sequence.Length];
            for (var t = 0; t < outputs.Length; t++)
            {
                outputs[t] = sequencer.Step(sequence.Trigger[t]);
            }

            error += SequenceScore.SquaredError(outputs, sequence, task);
            steps += outputs.Length;
            credit += SequenceScore.DecisionCredit(outputs, sequence, task);
            decisionSteps += SequenceScore.DecisionSteps(sequence, task);
            right += SequenceScore.DoneRight(outputs, sequence, task) ? 1 : 0;
        }

        return new SequencingScore(error, steps, credit, decisionSteps, right, dataset.Sequences.Count);
    }

    /// <summary>Scratch long enough for the longest sequence of <paramref name="dataset"/>.</summary>
    public static double[] ScratchFor(TriggerDataset dataset) => new double[dataset.Sequences.Max(s => s.Length)];
}
