namespace Hpnna.Simulation.Episodes;

/// <summary>How an episode is stepped: the control period (s), physics sub-steps per period, and the time limit (s).</summary>
public sealed record EpisodeSettings(double ControlPeriod = 0.05, int PhysicsSubsteps = 5, double TimeLimit = 240)
{
    public static EpisodeSettings Default { get; } = new();

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!double.IsFinite(ControlPeriod) || ControlPeriod is <= 0 or > 1)
        {
            problems.Add($"control period must be in (0, 1] s (got {ControlPeriod})");
        }

        if (PhysicsSubsteps is < 1 or > 1000)
        {
            problems.Add($"physics sub-steps must be 1 to 1000 (got {PhysicsSubsteps})");
        }

        if (!double.IsFinite(TimeLimit) || TimeLimit <= 0)
        {
            problems.Add($"time limit must be a finite number of seconds > 0 (got {TimeLimit})");
        }

        return problems;
    }
}
