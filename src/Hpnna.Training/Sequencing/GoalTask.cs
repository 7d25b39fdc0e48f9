using Hpnna.Robot.Control;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// One of the eight goal tasks of a depth-3 T-maze: the primitive to run at each of the three junctions.
/// T1 = lll, T2 = llr, ..., T8 = rrr (binary, l = 0, first junction most significant), matching G1..G8.
/// </summary>
public sealed record GoalTask(int Number)
{
    public const int Count = GoalRoutes.Count;
    public const int Junctions = GoalRoutes.Junctions;

    /// <summary>The largest <see cref="Lead"/>: below the shortest corridor of the datasets (9 steps at lambda 2), so a choice is never due before the corridor to its junction has begun.</summary>
    public const int MaxLead = 7;

    /// <summary>
    /// How many L2 steps before each turn the output must already choose the junction's primitive
    /// (<see cref="SequenceScore"/>). The paper's task needs it only just in time (<see cref="SequenceScore.Lead"/>).
    /// More was tried because on the robot a code that switched from Pl to Pr 1.5 s before a junction at lambda 2
    /// left a noisy Pr to cross the corridor and turn at once, where it crashed; measured, it gave a more robust
    /// G3 but not G6 or G7 (README).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or above <see cref="MaxLead"/>.</exception>
    public int Lead
    {
        get;
        init => field = value is >= 1 and <= MaxLead ? value : throw new ArgumentOutOfRangeException(nameof(Lead), value, $"a task's lead must be 1 to {MaxLead} L2 steps");
    } = SequenceScore.Lead;

    public static IReadOnlyList<GoalTask> All { get; } = [.. Enumerable.Range(1, Count).Select(n => new GoalTask(n))];

    public string Name => $"T{Number}";

    /// <summary>The goal this task reaches: G1..G8.</summary>
    public string Goal => $"G{Number}";

    /// <summary>"lll" .. "rrr".</summary>
    public string Pattern => new([.. Enumerable.Range(0, Junctions).Select(j => TurnsRight(j) ? 'r' : 'l')]);

    /// <summary>Whether junction <paramref name="junction"/> (0-based) is taken to the right (Pr, a high L2 output).</summary>
    public bool TurnsRight(int junction) => GoalRoutes.TurnsRight(Number, junction, Junctions);

    /// <summary>A task from "T1".."T8", "G1".."G8" or a pattern such as "lrl"; throws <see cref="ArgumentException"/>.</summary>
    public static GoalTask Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 2 && (t[0] is 'T' or 't' or 'G' or 'g') && t[1] is >= '1' and <= '8')
        {
            return new GoalTask(t[1] - '0');
        }

        if (t.Length == Junctions && t.All(c => c is 'l' or 'r' or 'L' or 'R'))
        {
            return new GoalTask(1 + t.Aggregate(0, (value, c) => (value << 1) | (c is 'r' or 'R' ? 1 : 0)));
        }

        throw new ArgumentException($"unknown task '{text}': use T1..T8, G1..G8 or a pattern of three l/r letters such as lrl");
    }

    public override string ToString() => Lead == SequenceScore.Lead ? $"{Name} ({Pattern})" : $"{Name} ({Pattern}, choosing {Lead} steps before each turn)";
}
