using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Tests;

public sealed class TriggerDatasetTests
{
    [Fact]
    public void Turns_last_from_the_nominal_length_up_to_the_spread_and_the_first_sequence_is_nominal()
    {
        var dataset = TriggerDataset.ThreeSizes();

        Assert.Equal(30, dataset.Sequences.Count);
        var lengths = dataset.Sequences.SelectMany(s => s.Turns.Select(t => t.End - t.Start)).ToArray();
        Assert.All(lengths, l => Assert.InRange(l, PulseLengths.Default.Shortest, PulseLengths.Default.Longest));
        Assert.Contains(PulseLengths.Default.Longest, lengths);
        Assert.All(dataset.Sequences[0].Turns, t => Assert.Equal(TriggerDataset.TurnSteps, t.End - t.Start));
        Assert.Equal(TriggerDataset.ThreeSizes().Sequences.Select(s => s.Trigger), dataset.Sequences.Select(s => s.Trigger));
    }

    [Fact]
    public void Sizes_of_ones_own_give_corridors_of_lambda_nominal_turns()
    {
        var dataset = TriggerDataset.Sizes([2.4, 4, 5.6]);

        Assert.Equal("3 sizes (lambda 2.4, 4, 5.6)", dataset.Name);
        Assert.Equal([2.4, 4, 5.6], dataset.Sequences.Select(s => s.Lambda).Distinct());
        var nominal = dataset.Sequences.Where((_, i) => i % TriggerDataset.DefaultSequencesPerSize == 0).ToArray();
        Assert.Equal([12, 20, 28], nominal.Select(s => s.Turns[0].Start)); // the first corridor, in L2 steps
    }

    [Fact]
    public void Chosen_pulse_lengths_span_their_range_and_the_default_range_draws_what_it_always_did()
    {
        var wide = TriggerDataset.Sizes([3, 5.5, 8], seed: 4, new PulseLengths(4, 9));

        Assert.Equal("3 sizes (lambda 3, 5.5, 8), pulses of 4-9 steps", wide.Name);
        var lengths = wide.Sequences.SelectMany(s => s.Turns.Select(t => t.End - t.Start)).ToHashSet();
        Assert.Equal([4, 5, 6, 7, 8, 9], lengths.Order());
        Assert.All(wide.Sequences[0].Turns, t => Assert.Equal(TriggerDataset.TurnSteps, t.End - t.Start)); // nominal
        Assert.Equal(
            TriggerDataset.Sizes([3, 5.5, 8], seed: 4).Sequences.Select(s => s.Trigger),
            TriggerDataset.Sizes([3, 5.5, 8], seed: 4, PulseLengths.Default).Sequences.Select(s => s.Trigger));
        Assert.All(TriggerDataset.Sizes([4], seed: 4, new PulseLengths(7, 9)).Sequences[0].Turns, t => Assert.Equal(7, t.End - t.Start));
    }

    [Theory]
    [InlineData("4-9", 4, 9)]
    [InlineData("6", 6, 6)]
    public void Pulse_lengths_read_a_range_or_one_length(string text, int shortest, int longest) =>
        Assert.Equal(new PulseLengths(shortest, longest), PulseLengths.Parse(text));

    [Theory]
    [InlineData("9-4", "1 <= shortest <= longest")]
    [InlineData("0-3", "1 <= shortest <= longest")]
    [InlineData("4..9", "such as 4-9 (got '4..9')")]
    [InlineData("-3", "such as 4-9")]
    [InlineData("", "such as 4-9")]
    public void Impossible_pulse_lengths_are_refused_with_the_reason(string text, string reason) =>
        Assert.Contains(reason, Assert.Throws<FormatException>(() => PulseLengths.Parse(text)).Message);

    [Fact]
    public void The_choice_due_moves_on_a_commit_into_each_turn()
    {
        var sequence = new TriggerSequence(1, [3, 3, 3, 3], [4, 6, 5]);

        Assert.Equal(0, sequence.JunctionAt(4, 2)); // turn 0 is steps 3..6
        Assert.Equal(1, sequence.JunctionAt(5, 2));
        Assert.Equal(2, sequence.JunctionAt(sequence.Turns[1].Start + 2, 2));
        Assert.Throws<ArgumentException>(() => new TriggerSequence(1, [3, 3, 3, 3], [4, 6]));
    }
}
