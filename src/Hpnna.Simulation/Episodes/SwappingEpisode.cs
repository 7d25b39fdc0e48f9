using Hpnna.Robot.Control;

namespace Hpnna.Simulation.Episodes;

/// <summary>A goal swap asked for in a simulated run: goal <paramref name="Goal"/> run by <paramref name="Code"/> (each L2 module's own lines when given).</summary>
public sealed record PlannedSwap(int Goal, double[] Code, IReadOnlyList<double[]>? ModuleLines = null);

/// <summary>A swap asked for: when, where the robot was, and why it was refused (null when accepted).</summary>
public sealed record AskedSwap(PlannedSwap Swap, double Time, Route Route, string? Refusal);

/// <summary>
/// A simulated run with goal swaps, asked for between ticks as the command link would ask: through the
/// controller's <see cref="GoalSwitch"/>, which lands them on the control tick. The run is judged by the goal
/// in effect.
/// </summary>
public static class SwappingEpisode
{
    /// <param name="due">Called before every tick with the time and the route; returns a swap to ask for now, or null.</param>
    public static (EpisodeResult Result, IReadOnlyList<AskedSwap> Swaps) Run(Episode episode, GoalSwitch goals, Func<double, Route, PlannedSwap?> due)
    {
        var asked = new List<AskedSwap>();
        goals.Landed = episode.Judge.GoalChanged;
        do
        {
            var route = goals.Route;
            if (due(episode.Time, route) is { } swap)
            {
                asked.Add(new AskedSwap(swap, episode.Time, route, goals.Request(swap.Goal, swap.Code, swap.ModuleLines)));
            }
        }
        while (!episode.Tick());

        return (episode.Result!, asked);
    }

    /// <summary>One swap, asked for <paramref name="delay"/> s after the route first satisfies <paramref name="entered"/>.</summary>
    public static Func<double, Route, PlannedSwap?> AfterEntering(Func<Route, bool> entered, double delay, PlannedSwap swap)
    {
        double? start = null;
        var asked = false;
        return (time, route) =>
        {
            start ??= entered(route) ? time : null;
            if (asked || start is not { } from || time < from + delay)
            {
                return null;
            }

            asked = true;
            return swap;
        };
    }

    /// <summary>Swaps at fixed times: each asked for at the first tick at or after its time.</summary>
    public static Func<double, Route, PlannedSwap?> At(IReadOnlyList<(double Time, PlannedSwap Swap)> schedule)
    {
        var next = 0;
        var ordered = schedule.OrderBy(s => s.Time).ToArray();
        return (time, _) => next < ordered.Length && time >= ordered[next].Time - 1e-9 ? ordered[next++].Swap : null;
    }
}
