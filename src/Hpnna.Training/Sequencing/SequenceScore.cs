using Hpnna.Core.Interpreters;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// How well an output trace follows a task on one trigger sequence. The target is 1 (Pr) or 0 (Pl) for the
/// junction due at each step. Fitness is 1 minus the mean squared error. A sequence is done right when the
/// output is on the target's side of 0.5 by at least <see cref="Margin"/> from the task's
/// <see cref="GoalTask.Lead"/> (by default <see cref="Lead"/>) steps before each turn until the turn has run <see cref="Commit"/> steps: the robot must already run the right
/// primitive when it reaches a junction, and after <see cref="Commit"/> steps of the turn the next
/// junction's choice is due. On the robot the hierarchy holds the choice made when a turn starts until the
/// trigger falls (<see cref="Hpnna.Core.Interpreters.Hierarchy"/>), so L2 may switch early in a turn, but must
/// not switch back however long the turn lasts.
/// </summary>
public static class SequenceScore
{
    public const double Margin = Hierarchy.SelectionMargin;
    public const int Lead = 2;
    public const int Commit = 2;

    public static double Target(TriggerSequence sequence, GoalTask task, int step) =>
        task.TurnsRight(sequence.JunctionAt(step, Commit)) ? 1.0 : 0.0;

    public static double SquaredError(ReadOnlySpan<double> outputs, TriggerSequence sequence, GoalTask task)
    {
        var sum = 0.0;
        for (var t = 0; t < outputs.Length; t++)
        {
            var e = outputs[t] - Target(sequence, task, t);
            sum += e * e;
        }

        return sum;
    }

    /// <summary>
    /// How clearly the output chooses each junction in time: over every step of every decision window
    /// (from the task's lead before the turn to Commit into it), 1 when the output is on the right side by the margin or
    /// more, 0 when it is as far on the wrong side, linear in between; summed. Counts steps; with
    /// <see cref="DecisionSteps"/> it gives DE a slope towards switching at the right moment, which the
    /// squared error alone (dominated by the corridors) does not.
    /// </summary>
    public static double DecisionCredit(ReadOnlySpan<double> outputs, TriggerSequence sequence, GoalTask task)
    {
        var credit = 0.0;
        for (var j = 0; j < sequence.Turns.Count; j++)
        {
            var start = sequence.Turns[j].Start;
            var sign = task.TurnsRight(j) ? 1.0 : -1.0;
            for (var t = Math.Max(0, start - task.Lead); t < start + Commit; t++)
            {
                credit += 0.5 + 0.5 * Math.Clamp(sign * (outputs[t] - 0.5) / Margin, -1.0, 1.0);
            }
        }

        return credit;
    }

    /// <summary>How many steps <see cref="DecisionCredit"/> scores on a sequence.</summary>
    public static int DecisionSteps(TriggerSequence sequence, GoalTask task) =>
        sequence.Turns.Sum(turn => turn.Start + Commit - Math.Max(0, turn.Start - task.Lead));

    public static bool DoneRight(ReadOnlySpan<double> outputs, TriggerSequence sequence, GoalTask task)
    {
        for (var j = 0; j < sequence.Turns.Count; j++)
        {
            var start = sequence.Turns[j].Start;
            var right = task.TurnsRight(j);
            for (var t = Math.Max(0, start - task.Lead); t < start + Commit; t++)
            {
                if (right ? outputs[t] < 0.5 + Margin : outputs[t] > 0.5 - Margin)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
