namespace Hpnna.Training.Sequencing;

/// <summary>
/// An idealised junction trigger for one run through a depth-3 maze, in L2 steps: low while the robot drives
/// a corridor, high while it turns at a junction. Four corridors and three turns: corridor, turn, corridor,
/// turn, corridor, turn, goal corridor. Each turn has its own length, as on the robot, where the trigger
/// lasts as long as L1 takes to turn.
/// </summary>
public sealed class TriggerSequence
{
    public TriggerSequence(double lambda, IReadOnlyList<int> corridorSteps, IReadOnlyList<int> turnSteps)
    {
        if (corridorSteps.Count != GoalTask.Junctions + 1 || corridorSteps.Any(c => c < 1) || turnSteps.Count != GoalTask.Junctions || turnSteps.Any(t => t < 1))
        {
            throw new ArgumentException($"a trigger sequence has {GoalTask.Junctions + 1} corridors and {GoalTask.Junctions} turns of at least one step each");
        }

        Lambda = lambda;
        var trigger = new List<double>();
        var turns = new List<(int Start, int End)>();
        for (var c = 0; c < corridorSteps.Count; c++)
        {
            trigger.AddRange(Enumerable.Repeat(0.0, corridorSteps[c]));
            if (c < GoalTask.Junctions)
            {
                turns.Add((trigger.Count, trigger.Count + turnSteps[c]));
                trigger.AddRange(Enumerable.Repeat(1.0, turnSteps[c]));
            }
        }

        Trigger = [.. trigger];
        Turns = turns;
    }

    /// <summary>The maze size this sequence stands for: corridor time over turning time.</summary>
    public double Lambda { get; }

    public double[] Trigger { get; }

    /// <summary>Each junction's turn as [Start, End) step indices.</summary>
    public IReadOnlyList<(int Start, int End)> Turns { get; }

    public int Length => Trigger.Length;

    /// <summary>
    /// The junction whose choice is due at <paramref name="step"/>: the first one whose turn has not yet run
    /// <paramref name="commitSteps"/> steps (after the last, the last one).
    /// </summary>
    public int JunctionAt(int step, int commitSteps)
    {
        for (var j = 0; j < Turns.Count; j++)
        {
            if (step < Turns[j].Start + commitSteps)
            {
                return j;
            }
        }

        return Turns.Count - 1;
    }
}
