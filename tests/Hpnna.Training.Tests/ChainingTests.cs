using Hpnna.Core.Transitions;
using Hpnna.Training.Experiments.Chaining;
using Hpnna.Training.Motifs;

namespace Hpnna.Training.Tests;

/// <summary>Motif chaining: the phenomenon without a preparatory phase, its absence with one, and programs that never disturb each other.</summary>
public sealed class ChainingTests
{
    private static readonly IReadOnlyList<Motif> Motifs = Motif.Standard();

    [Fact]
    public void Through_an_exact_preparatory_phase_every_pair_plays_bit_for_bit_as_in_isolation()
    {
        var codes = RandomCodes(seed: 2);
        var result = ChainEvaluation.Run(Motifs, codes, MotifInterpreter.Definition(), new PreparatoryPhase(1, 1), chains: 5, chainLength: 6, seed: 3);
        for (var from = 0; from < Motifs.Count; from++)
        {
            for (var to = 0; to < Motifs.Count; to++)
            {
                Assert.Equal(result.Isolated[to], result.Pairs[from, to]);
            }
        }

        Assert.Equal(0, result.FailedFraction);
    }

    [Fact]
    public void Without_a_phase_a_motif_played_after_another_differs_from_itself_alone()
    {
        var codes = RandomCodes(seed: 2);
        var result = ChainEvaluation.Run(Motifs, codes, MotifInterpreter.Definition(), PreparatoryPhase.Off, chains: 5, chainLength: 6, seed: 3);
        var differing = 0;
        for (var from = 0; from < Motifs.Count; from++)
        {
            for (var to = 0; to < Motifs.Count; to++)
            {
                differing += result.Pairs[from, to] != result.Isolated[to] ? 1 : 0;
            }
        }

        Assert.True(differing > Motifs.Count * Motifs.Count / 2, $"only {differing} of 36 pairs differ from isolation");
    }

    [Fact]
    public void The_default_phase_chains_within_its_tolerance_of_isolation()
    {
        var codes = RandomCodes(seed: 4);
        var result = ChainEvaluation.Run(Motifs, codes, MotifInterpreter.Definition(), PreparatoryPhase.Default, chains: 10, chainLength: 6, seed: 5);
        foreach (var transition in result.Transitions)
        {
            Assert.InRange(Math.Abs(Math.Sqrt(transition.ChainedMse) - Math.Sqrt(transition.IsolatedMse)), 0, 0.01);
            Assert.False(transition.Failed);
        }
    }

    [Fact]
    public void A_short_experiment_keeps_old_motifs_bit_identical_and_is_the_same_on_1_and_2_threads()
    {
        var settings = new ChainingSettings { Generations = 3, RandomStarts = 2, Chains = 3, ChainLength = 4, Threads = 1 };
        var one = ChainingExperiment.Run(settings);
        var two = ChainingExperiment.Run(settings with { Threads = 2 });
        Assert.True(one.OldMotifsUnchanged);
        for (var r = 0; r < one.Regimes.Count; r++)
        {
            Assert.Equal(one.Regimes[r].Codes, two.Regimes[r].Codes);
            Assert.Equal(one.Regimes[r].Chains.Isolated, two.Regimes[r].Chains.Isolated);
        }
    }

    [Theory]
    [InlineData(0, 4, 50, 6, "generations must be at least 1 (got 0)")]
    [InlineData(10, 0, 50, 6, "random starts must be between 1 and 100 (got 0)")]
    [InlineData(10, 4, 50, 1, "at least 1 chain of at least 2 motifs (got 50 of 1)")]
    public void Impossible_settings_get_one_clear_error(int generations, int randomStarts, int chains, int chainLength, string message)
    {
        var settings = new ChainingSettings { Generations = generations, RandomStarts = randomStarts, Chains = chains, ChainLength = chainLength };
        Assert.Equal([message], settings.Validate());
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => ChainingExperiment.Run(settings)).Message);
    }

    private static double[][] RandomCodes(int seed)
    {
        var random = new Random(seed);
        var length = MotifInterpreter.Definition().CodeLength;
        return [.. Motifs.Select(_ => Enumerable.Range(0, length).Select(_ => random.NextDouble() * 10 - 5).ToArray())];
    }
}
