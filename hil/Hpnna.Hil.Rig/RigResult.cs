using System.Globalization;

namespace Hpnna.Hil.Rig;

/// <summary>One lap: the goal commanded, how it ended, and when.</summary>
/// <param name="ReachedGoal">Passed by reaching the goal (rather than by stopping as a fault demanded).</param>
public sealed record LapResult(int Lap, string Goal, bool Passed, string Outcome, double Seconds, bool ReachedGoal);

/// <summary>How a rig run ended, with the figures a bench engineer reads: per-lap outcomes, fault reactions, and the controller's own timing.</summary>
/// <param name="RigStalls">Gaps in which the rig itself did not run (its machine stalled) and paused the robot's world.</param>
/// <param name="ControllerStatus">The controller's STATUS answer at the end (ticks, late, skipped), when the rig had its command link.</param>
public sealed record RigResult(
    string Scenario,
    bool Passed,
    string Outcome,
    IReadOnlyList<LapResult> Laps,
    double? LongestStopAfterCut,
    long GarbageBytes,
    int WatchdogStops,
    int Sessions,
    long StaleMotionCommands,
    long ChecksumErrors,
    int RigStalls,
    double LongestRigStall,
    string? ControllerStatus)
{
    /// <summary>Mean time to goal over the laps that reached theirs.</summary>
    public double? TimeToGoal => Laps.Where(l => l.ReachedGoal).Select(l => l.Seconds).DefaultIfEmpty(double.NaN).Average() is var t && double.IsFinite(t) ? t : null;

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"scenario {Scenario}: {(Passed ? "PASS" : "FAIL")}: {Outcome}; laps {Laps.Count(l => l.Passed)}/{Laps.Count}; time to goal {Seconds(TimeToGoal)}; stop after link cut {Seconds(LongestStopAfterCut)}; garbage bytes {GarbageBytes}; watchdog stops {WatchdogStops}; sessions {Sessions}; stale motion commands {StaleMotionCommands}; checksum errors {ChecksumErrors}; rig stalls {RigStalls}{(RigStalls > 0 ? $" (longest {LongestRigStall * 1000:0} ms)" : "")}; controller {ControllerStatus ?? "-"}");

    private static string Seconds(double? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.0} s") : "-";
}
