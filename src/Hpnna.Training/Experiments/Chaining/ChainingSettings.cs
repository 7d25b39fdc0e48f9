using Hpnna.Core.Transitions;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Experiments.Chaining;

/// <summary>The chaining experiment's knobs; the defaults are the committed report's.</summary>
public sealed record ChainingSettings
{
    /// <summary>DE generations per motif (DE/best/1/bin, population 40, F 0.5, CR 0.9: a 42-value code is a larger search than L1's 12).</summary>
    public int Generations { get; init; } = 3000;

    /// <summary>Random initial states added to the initial state when training the random-starts baseline.</summary>
    public int RandomStarts { get; init; } = 4;

    /// <summary>Random chains played per regime, and motifs per chain.</summary>
    public int Chains { get; init; } = 50;

    public int ChainLength { get; init; } = 6;

    /// <summary>Slow steps per motif (0.2 s each).</summary>
    public int MotifSteps { get; init; } = 40;

    public PreparatoryPhase Phase { get; init; } = PreparatoryPhase.Default;

    /// <summary>Trials per goal and noise level of the robot's own chaining (L1's Pr/Pl switches in a lambda-3 maze), with and without the phase; 0 skips it.</summary>
    public int MazeTrials { get; init; } = 20;

    /// <summary>Code noise levels of the maze part (relative standard deviation of every code value).</summary>
    public IReadOnlyList<double> MazeNoise { get; init; } = [0.0, 0.10];

    public int Seed { get; init; } = 1;

    public int Threads { get; init; }

    public DeSettings Evolution(int motif, int regime) => new()
    {
        Population = 40,
        F = 0.5,
        CR = 0.9,
        Strategy = DeStrategy.BestOneBin,
        MaxGenerations = Generations,
        StopWhenSolved = false,
        Seed = TrialSeed.Of(Seed, motif, regime),
        Threads = Threads,
    };

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Generations < 1)
        {
            problems.Add($"generations must be at least 1 (got {Generations})");
        }

        if (RandomStarts is < 1 or > 100)
        {
            problems.Add($"random starts must be between 1 and 100 (got {RandomStarts})");
        }

        if (Chains < 1 || ChainLength < 2)
        {
            problems.Add($"at least 1 chain of at least 2 motifs (got {Chains} of {ChainLength})");
        }

        if (MotifSteps is < 5 or > 1000)
        {
            problems.Add($"motif steps must be between 5 and 1000 (got {MotifSteps})");
        }

        if (MazeTrials < 0)
        {
            problems.Add($"maze trials must be 0 (skip) or more (got {MazeTrials})");
        }

        if (Threads < 0)
        {
            problems.Add($"threads must be 0 (one per core) or more (got {Threads})");
        }

        problems.AddRange(Phase.Validate());
        return problems;
    }
}
