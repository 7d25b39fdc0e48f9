using Hpnna.Core.Interpreters;
using Hpnna.Core.Transitions;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Training.Experiments.Maze;

/// <summary>The programs that code noise is applied to.</summary>
public enum NoiseTarget
{
    All,
    L1,
    L2,
}

/// <summary>
/// Experiment 2's grid: maze sizes, code noise levels (relative standard deviation), trials per cell, and
/// the sensing every trial runs with (sonar range noise, so that trials differ even without code noise).
/// </summary>
public sealed record MazeExperimentSettings
{
    public IReadOnlyList<double> Lambdas { get; init; } = [2.0, 3.0, 4.0];

    public IReadOnlyList<double> NoiseLevels { get; init; } = [0.0, 0.10, 0.15, 0.20];

    public int Trials { get; init; } = 50;

    public double SonarSigma { get; init; } = 0.02;

    /// <summary>The sensors the robot carries: the Pioneer's ring, or HC-SR04 modules on their ping schedule.</summary>
    public SonarSetup Sonars { get; init; } = SonarSetup.Ring;

    /// <summary>Which programs get the code noise: both levels (the paper's test), or only L1's primitives, or only L2's goal code.</summary>
    public NoiseTarget NoiseOn { get; init; } = NoiseTarget.All;

    public double TimeLimit { get; init; } = 150;

    /// <summary>L2's voting modules, each fed the goal code on its own (independently perturbed) lines; 1 is a single L2.</summary>
    public int L2Modules { get; init; } = InterpreterTopologies.L2Modules;

    /// <summary>L1's voting modules, each fed Pr and Pl on its own (independently perturbed) lines; 1 is a single L1.</summary>
    public int L1Modules { get; init; } = InterpreterTopologies.L1Modules;

    /// <summary>L1's preparatory phase at every Pr/Pl switch (off: the hierarchy as trained and shipped).</summary>
    public PreparatoryPhase L1Transition { get; init; } = PreparatoryPhase.Off;

    public int Seed { get; init; } = 1;

    /// <summary>Worker threads; 0 means one per core. Results do not depend on it.</summary>
    public int Threads { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Lambdas.Count == 0 || Lambdas.Any(l => !double.IsFinite(l) || l < 1 || l > 10))
        {
            problems.Add($"maze sizes lambda must be between 1 and 10 (got {string.Join(", ", Lambdas)})");
        }

        if (NoiseLevels.Count == 0 || NoiseLevels.Any(k => !double.IsFinite(k) || k < 0 || k > 1))
        {
            problems.Add($"code noise levels must be between 0 and 1 (got {string.Join(", ", NoiseLevels)})");
        }

        if (Trials < 1)
        {
            problems.Add($"trials per cell must be at least 1 (got {Trials})");
        }

        if (!double.IsFinite(SonarSigma) || SonarSigma < 0 || SonarSigma > 1)
        {
            problems.Add($"sonar noise must be between 0 and 1 m (got {SonarSigma})");
        }

        if (Threads < 0)
        {
            problems.Add($"threads must be 0 (one per core) or more (got {Threads})");
        }

        if (!ModuleVote.IsModuleCount(L2Modules))
        {
            problems.Add($"L2 modules must be odd, from 1 to {ModuleVote.MaxModules} (got {L2Modules})");
        }

        if (!ModuleVote.IsModuleCount(L1Modules))
        {
            problems.Add($"L1 modules must be odd, from 1 to {ModuleVote.MaxModules} (got {L1Modules})");
        }

        problems.AddRange(L1Transition.Validate());
        return problems;
    }
}
