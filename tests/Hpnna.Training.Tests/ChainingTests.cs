using Hpnna.Core.Transitions;
using Hpnna.Training.Experiments.Chaining;
using Hpnna.Training.Motifs;

namespace Hpnna.Training.Tests;

/// <summary>Motif chaining: the phenomenon without a preparatory phase, its absence with one, and programs that never disturb each other.</summary>
public sealed class ChainingTests
{
    private static readonly IReadOnlyList<Motif> Motifs = Motif.Standard();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Through_an_exact_preparatory_phase_every_pair_plays_bit_for_bit_as_in_isolation(bool learnedInitialStates)
    {
        var codes = RandomCodes(seed: 2, learnedInitialStates);
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
    public void A_program_with_its_own_initial_state_is_prepared_toward_that_state_not_the_shared_one()
    {
        var interpreter = MotifInterpreter.Definition();
        var programs = RandomCodes(seed: 6, withInitialStates: true);
        var result = ChainEvaluation.Run(Motifs, programs, interpreter, new PreparatoryPhase(1, 1), chains: 1, chainLength: 2, seed: 3);
        var player = new MotifPlayer(interpreter, PreparatoryPhase.Off);
        for (var m = 0; m < Motifs.Count; m++)
        {
            var x = new double[Motifs[m].Steps];
            var y = new double[x.Length];
            player.PlayAlone(programs[m], x, y);
            Assert.Equal(Motifs[m].MeanSquaredError(x, y), result.Isolated[m]);
            player.PlayAlone(programs[m] with { InitialState = null }, x, y);
            Assert.NotEqual(Motifs[m].MeanSquaredError(x, y), result.Isolated[m]);
        }
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
            Assert.Equal(one.Regimes[r].Programs.Select(p => p.Code), two.Regimes[r].Programs.Select(p => p.Code));
            Assert.Equal(one.Regimes[r].Programs.Select(p => p.InitialState), two.Regimes[r].Programs.Select(p => p.InitialState));
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

    private static MotifProgram[] RandomCodes(int seed, bool withInitialStates = false)
    {
        var random = new Random(seed);
        var length = MotifProgram.CandidateLength(MotifInterpreter.Definition(), withInitialStates);
        return [.. Motifs.Select(_ => MotifProgram.FromCandidate(Enumerable.Range(0, length).Select(_ => random.NextDouble() * 10 - 5).ToArray(), MotifInterpreter.Definition(), withInitialStates))];
    }
}
