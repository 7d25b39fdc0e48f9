using System.Globalization;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// How long the junction pulses of synthetic trigger sequences last, in L2 steps, shortest to longest (each
/// turn draws its own, uniformly). The robot's pulses last 6 steps (2.4 s, ControllerDefaults.PulseSeconds);
/// when they ended with the turn they lasted 4 to 9 (the shipped programs at lambda 2, 3 and 4 under 15% code
/// noise), and a goal code that never met a 9-step pulse counted it as two junctions (README, "Pulses of one
/// length"). For checking codes against pulses other than those they were learned on.
/// </summary>
public sealed record PulseLengths
{
    public PulseLengths(int shortest, int longest)
    {
        if (shortest < 1 || longest < shortest)
        {
            throw new ArgumentException($"junction pulses need 1 <= shortest <= longest L2 steps (got {shortest}-{longest})");
        }

        Shortest = shortest;
        Longest = longest;
    }

    /// <summary>The paper-like default: <see cref="TriggerDataset.TurnSteps"/> to <see cref="TriggerDataset.TurnSteps"/> + 3.</summary>
    public static PulseLengths Default { get; } = new(TriggerDataset.TurnSteps, TriggerDataset.TurnSteps + 3);

    public int Shortest { get; }

    public int Longest { get; }

    /// <summary>The pulse of a dataset's nominal sequence: <see cref="TriggerDataset.TurnSteps"/>, or the nearest length in range.</summary>
    public int Nominal => Math.Clamp(TriggerDataset.TurnSteps, Shortest, Longest);

    /// <summary>Reads "shortest-longest" (such as 4-9) or one length; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static PulseLengths Parse(string text)
    {
        var parts = text.Split('-');
        var lengths = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts.Length > 2 || !int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out lengths[i]))
            {
                throw new FormatException($"pulse lengths are 'shortest-longest' in whole L2 steps, such as 4-9 (got '{text}')");
            }
        }

        try
        {
            return new PulseLengths(lengths[0], lengths[^1]);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message);
        }
    }

    public override string ToString() => Shortest == Longest ? $"{Shortest}" : $"{Shortest}-{Longest}";
}
