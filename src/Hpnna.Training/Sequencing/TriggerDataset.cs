using System.Globalization;

namespace Hpnna.Training.Sequencing;

/// <summary>
/// The paper's synthetic trigger datasets: for each maze size lambda, several trigger sequences whose
/// corridors last about lambda times a nominal turn of <see cref="TurnSteps"/> L2 steps (jittered by up to
/// 10%, seeded) and whose turns last from <see cref="TurnSteps"/> to <see cref="TurnSteps"/> + 3 steps, or as
/// long as chosen (<see cref="PulseLengths"/>; the first sequence of each size is the nominal one). At lambda 3 a
/// sequence is about 50 steps of tau/5, the paper's "about 40".
/// </summary>
/// <remarks>
/// Turns vary because on the robot the trigger lasts as long as L1 takes to turn, which depends on where
/// the wall follower starts its turn; L2 must hold its choice until the trigger falls, however long that is.
/// </remarks>
public sealed class TriggerDataset
{
    public const int TurnSteps = 5;
    public const int DefaultSequencesPerSize = 10;
    public const double CorridorJitter = 0.1;

    private TriggerDataset(string name, IReadOnlyList<double> lambdas, IReadOnlyList<TriggerSequence> sequences)
    {
        Name = name;
        Lambdas = lambdas;
        Sequences = sequences;
    }

    public string Name { get; }

    public IReadOnlyList<double> Lambdas { get; }

    public IReadOnlyList<TriggerSequence> Sequences { get; }

    /// <summary>Dataset 1: one maze size, lambda 3.</summary>
    public static TriggerDataset SingleSize(int seed = 1) => Named("single", seed);

    /// <summary>Dataset 2: three maze sizes, lambda 2, 3 and 4.</summary>
    public static TriggerDataset ThreeSizes(int seed = 1) => Named("three", seed);

    /// <summary>
    /// Sequences for the given maze sizes: for a robot whose corridors, counted in L2 steps, are not lambda
    /// times <see cref="TurnSteps"/> at its maze's lambda (as with an L1 that turns faster or drives slower).
    /// </summary>
    public static TriggerDataset Sizes(IReadOnlyList<double> lambdas, int seed = 1, PulseLengths? pulses = null) =>
        Create($"{lambdas.Count} size{(lambdas.Count == 1 ? "" : "s")} (lambda {string.Join(", ", lambdas.Select(l => l.ToString(CultureInfo.InvariantCulture)))}){PulsesNamed(pulses)}", lambdas, DefaultSequencesPerSize, seed, pulses);

    /// <summary>The dataset named "single" or "three"; throws <see cref="ArgumentException"/> for anything else.</summary>
    public static TriggerDataset Named(string name, int seed = 1, PulseLengths? pulses = null) => name switch
    {
        "single" => Create($"one size (lambda 3){PulsesNamed(pulses)}", [3.0], DefaultSequencesPerSize, seed, pulses),
        "three" => Create($"three sizes (lambda 2, 3, 4){PulsesNamed(pulses)}", [2.0, 3.0, 4.0], DefaultSequencesPerSize, seed, pulses),
        _ => throw new ArgumentException($"unknown dataset '{name}': use single (lambda 3) or three (lambda 2, 3, 4)"),
    };

    public static TriggerDataset Create(string name, IReadOnlyList<double> lambdas, int sequencesPerSize, int seed, PulseLengths? pulses = null)
    {
        if (lambdas.Count == 0 || lambdas.Any(l => !double.IsFinite(l) || l <= 0) || sequencesPerSize < 1)
        {
            throw new ArgumentException("a trigger dataset needs at least one maze size lambda > 0 and at least one sequence per size");
        }

        pulses ??= PulseLengths.Default;
        var random = new Random(seed);
        var sequences = new List<TriggerSequence>();
        foreach (var lambda in lambdas)
        {
            for (var s = 0; s < sequencesPerSize; s++)
            {
                var corridors = new int[GoalTask.Junctions + 1];
                var turns = new int[GoalTask.Junctions];
                for (var c = 0; c < corridors.Length; c++)
                {
                    var jitter = s == 0 ? 0 : (2 * random.NextDouble() - 1) * CorridorJitter;
                    corridors[c] = Math.Max(1, (int)Math.Round(lambda * TurnSteps * (1 + jitter)));
                    if (c < turns.Length)
                    {
                        turns[c] = s == 0 ? pulses.Nominal : pulses.Shortest + random.Next(pulses.Longest - pulses.Shortest + 1);
                    }
                }

                sequences.Add(new TriggerSequence(lambda, corridors, turns));
            }
        }

        return new TriggerDataset(name, lambdas, sequences);
    }

    private static string PulsesNamed(PulseLengths? pulses) => pulses is null || pulses == PulseLengths.Default ? string.Empty : $", pulses of {pulses} steps";
}
