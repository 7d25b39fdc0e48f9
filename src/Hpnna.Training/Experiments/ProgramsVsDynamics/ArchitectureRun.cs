namespace Hpnna.Training.Experiments.ProgramsVsDynamics;

/// <summary>The two architectures compared: HPNNA learns one code per task on a fixed interpreter; the NOA learns all weights of one network for all tasks.</summary>
public enum Architecture
{
    Hpnna,
    Noa,
}

/// <summary>
/// One learning run of one architecture on one dataset: the final fitness (mean over the eight tasks), how
/// many tasks are done right on every training sequence, the generation by which all eight were (null if
/// never), the fraction of sequences done right at each unseen maze size, the best fitness after every
/// generation (mean over tasks for HPNNA) and the wall time.
/// </summary>
public sealed record ArchitectureRun(
    Architecture Architecture,
    string Dataset,
    int Run,
    double FinalFitness,
    int TasksSolved,
    int? GenerationsToSolveAll,
    IReadOnlyList<double> UnseenRight,
    double[] Curve,
    TimeSpan Elapsed);
