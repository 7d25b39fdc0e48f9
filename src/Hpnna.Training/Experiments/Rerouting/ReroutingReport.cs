using System.Globalization;
using Hpnna.Rendering;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Mazes;
using Hpnna.Training.Reports;

namespace Hpnna.Training.Experiments.Rerouting;

/// <summary>Writes the re-routing experiment's report: success with and without L2's goal phase, how swaps failed, and one swap drawn.</summary>
public static class ReroutingReport
{
    public static string Write(ReroutingResult result, string directory, string command)
    {
        var s = result.Settings;
        var report = new MarkdownReport(directory, "Re-routing: goals swapped mid-run", command, s.Seed);
        var phase = s.Phase;
        report.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"A simulated Pioneer 3-DX runs the shipped programs toward an old goal in a depth-3 T-maze and is given a new goal mid-run, as the command link gives it (`GoalSwitch`): in a corridor (before junction 1, between junctions 1 and 2, between 2 and 3) or during a junction turn. Every (old goal, new goal) pair whose new goal agrees with the turns already taken is run in each segment. The swap is timed from the moment the robot's own route enters the segment, at a fraction of the segment's length in a noise-free run to the old goal: {s.NoiseFreeSwaps} fractions spread evenly without noise, a uniform draw in [0.05, 0.95] per trial with noise ({s.Trials} trials per cell; every code value of every voting module's lines perturbed on its own, sonar noise {s.SonarSigma} m). " +
            $"**With the phase**{(phase == ControllerDefaults.GoalPhase ? " (the shipped controller's)" : "")}, the swap lands at the first tick with no turn on or begun, and L2 is prepared toward the state the new code settles in after the junctions passed ({phase.Steps} step(s) at gain {phase.Gain}); **without**, the new code takes over from the old code's state. Success: the new goal reached within {s.TimeLimit:F0} s, a refused swap counting as a failure. {result.Cells.Sum(c => c.Outcomes.Count)} runs in {result.Elapsed.TotalSeconds:F0} s of wall time."));

        report.Heading("Success by maze size and noise");
        report.Table(
            ["lambda", .. s.NoiseLevels.SelectMany(k => new[] { $"k = {MarkdownReport.Percent(k)}, with the phase", $"k = {MarkdownReport.Percent(k)}, without" })],
            s.Lambdas.Select(l => (IReadOnlyList<string>)[MarkdownReport.Number(l, 1), .. s.NoiseLevels.SelectMany(k => new[] { true, false }.Select(p => Rate(Pool(result, c => c.Lambda == l && c.Noise == k && c.Prepared == p))))]));
        report.Paragraph("Each cell: new goals reached / swaps, rate, and the Wilson 95% interval.");

        report.Heading("Success by where the swap came");
        report.Table(
            ["segment", "pairs", .. s.NoiseLevels.SelectMany(k => new[] { $"k = {MarkdownReport.Percent(k)}, with", $"k = {MarkdownReport.Percent(k)}, without" })],
            SwapSegment.All.Select(seg => (IReadOnlyList<string>)[seg.Name, result.Cells.Where(c => c.Segment == seg && c.Prepared && c.Lambda == s.Lambdas[0] && c.Noise == s.NoiseLevels[0]).Count().ToString(CultureInfo.InvariantCulture),
                .. s.NoiseLevels.SelectMany(k => new[] { true, false }.Select(p => Rate(Pool(result, c => c.Segment == seg && c.Noise == k && c.Prepared == p))))]));

        report.Heading("How swaps ended");
        report.Table(
            ["k", "phase", "swaps", .. Enum.GetValues<SwapOutcome>().Select(Words)],
            s.NoiseLevels.SelectMany(k => new[] { true, false }.Select(p =>
            {
                var outcomes = result.Cells.Where(c => c.Noise == k && c.Prepared == p).SelectMany(c => c.Outcomes).ToArray();
                return (IReadOnlyList<string>)[MarkdownReport.Percent(k), p ? "with" : "without", Count(outcomes.Length), .. Enum.GetValues<SwapOutcome>().Select(o => Count(outcomes.Count(x => x == o)))];
            })));

        var failed = result.Cells.Where(c => c.Prepared && c.Reached < c.Outcomes.Count).ToList();
        report.Heading("Swaps that failed with the phase");
        if (failed.Count == 0)
        {
            report.Paragraph("None.");
        }
        else
        {
            report.Table(
                ["lambda", "k", "old", "new", "segment", "outcomes"],
                failed.Select(c => (IReadOnlyList<string>)[MarkdownReport.Number(c.Lambda, 1), MarkdownReport.Percent(c.Noise), Goal(c.OldGoal), Goal(c.NewGoal), c.Segment.Name,
                    string.Join(", ", c.Outcomes.GroupBy(o => o).Select(g => $"{g.Count()} {Words(g.Key)}"))]));
        }

        var (old, nw, segment, lambda) = result.ExampleCell;
        var maze = TMazeGenerator.Depth3(lambda);
        var file = "swap-example.png";
        MazePicture.SavePng(maze.World,
            [.. result.Example.Select(t => new Trajectory($"{(t.Prepared ? "with the phase" : "without")}: {Words(t.Outcome)}", t.Poses))],
            string.Create(CultureInfo.InvariantCulture, $"{Goal(old)} swapped to {Goal(nw)} {segment.Name} (at {result.Example[0].SwapTime:F1} s), lambda {lambda:F0}, noise-free"),
            report.PicturePath(file), 800, 640);
        report.Heading("One swap drawn");
        report.Image($"{Goal(old)} swapped to {Goal(nw)}, with and without the phase", file);
        return report.Save();
    }

    private static string Goal(int goal) => $"{GoalRoutes.Name(goal)} ({GoalRoutes.Turns(goal)})";

    private static SuccessRate Pool(ReroutingResult result, Func<ReroutingCell, bool> where)
    {
        var cells = result.Cells.Where(where).ToArray();
        return new SuccessRate(cells.Sum(c => c.Reached), cells.Sum(c => c.Outcomes.Count));
    }

    private static string Rate(SuccessRate rate) => string.Create(CultureInfo.InvariantCulture,
        $"{rate.Successes} / {rate.Trials} ({100 * rate.Rate:F1}%, {100 * rate.Low:F1}-{100 * rate.High:F1})");

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Words(SwapOutcome outcome) => outcome switch
    {
        SwapOutcome.Reached => "new goal reached",
        SwapOutcome.RefusedAtRequest => "refused when asked",
        SwapOutcome.DroppedAtLanding => "dropped when landing",
        SwapOutcome.OldGoal => "old goal reached",
        SwapOutcome.OtherGoal => "another goal reached",
        SwapOutcome.Crash => "crash",
        _ => "time-out",
    };
}
