namespace Hpnna.Training.Evolution;

/// <summary>
/// One differential-evolution run: the paper's values (population 20, F 0.85, CR 0.8, DE/rand/1/bin) are
/// the defaults. The run stops at <see cref="MaxGenerations"/>, or earlier when the best member solves the
/// task (if <see cref="StopWhenSolved"/>), or when it is cancelled.
/// </summary>
public sealed record DeSettings
{
    public int Population { get; init; } = 20;

    /// <summary>The step size F, in (0, 2].</summary>
    public double F { get; init; } = 0.85;

    /// <summary>The crossover rate CR, in [0, 1].</summary>
    public double CR { get; init; } = 0.8;

    public DeStrategy Strategy { get; init; } = DeStrategy.RandOneBin;

    public int MaxGenerations { get; init; } = 1000;

    public bool StopWhenSolved { get; init; } = true;

    /// <summary>
    /// Restart the population from fresh random members after this many generations in which its best did not
    /// rise by <see cref="RestartTolerance"/>; 0 (the default, and the paper's DE) never restarts.
    /// </summary>
    public int RestartAfter { get; init; }

    /// <summary>The rise of the population's best that counts as progress, for <see cref="RestartAfter"/>.</summary>
    public double RestartTolerance { get; init; } = 1e-3;

    /// <summary>Seeds every random draw of the run; the same seed gives the same run on any number of threads.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// The first generation, when given (one vector per member, inside the bounds), instead of members drawn
    /// uniformly from the box: to refine known solutions rather than search from scratch.
    /// </summary>
    public IReadOnlyList<double[]>? InitialMembers { get; init; }

    /// <summary>How many fitness evaluations run at once; 0 means one per core.</summary>
    public int Threads { get; init; }

    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;

    /// <summary>Every reason these settings cannot run, as sentences naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Population < 4)
        {
            problems.Add($"population must be at least 4 (DE/rand/1 picks a target and three other members; got {Population})");
        }

        if (!(F > 0 && F <= 2))
        {
            problems.Add($"F must be in (0, 2] (got {F})");
        }

        if (!(CR >= 0 && CR <= 1))
        {
            problems.Add($"CR must be in [0, 1] (got {CR})");
        }

        if (MaxGenerations < 1)
        {
            problems.Add($"generations must be at least 1 (got {MaxGenerations})");
        }

        if (RestartAfter < 0)
        {
            problems.Add($"restart-after must be 0 (never) or a number of generations (got {RestartAfter})");
        }

        if (RestartAfter > 0 && InitialMembers is not null)
        {
            problems.Add("restarts draw fresh random members and would throw the initial members away: use one or the other");
        }

        if (!(RestartTolerance >= 0))
        {
            problems.Add($"the restart tolerance must be 0 or more (got {RestartTolerance})");
        }

        if (Threads < 0)
        {
            problems.Add($"threads must be 0 (one per core) or more (got {Threads})");
        }

        if (InitialMembers is { } initial && initial.Count != Population)
        {
            problems.Add($"the initial members must fill the population ({initial.Count} given for a population of {Population})");
        }

        return problems;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with every problem when the settings cannot run.</summary>
    public void EnsureValid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid evolution settings: " + string.Join("; ", problems));
        }
    }
}
