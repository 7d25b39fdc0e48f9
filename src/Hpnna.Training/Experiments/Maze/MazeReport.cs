using System.Globalization;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Rendering;
using Hpnna.Training.Reports;

namespace Hpnna.Training.Experiments.Maze;

/// <summary>Writes experiment 2's report: success tables, a success-versus-noise chart and a trajectory picture per goal.</summary>
public static class MazeReport
{
    public static string Write(MazeExperimentResult result, string directory, string command, string libraries)
    {
        var s = result.Settings;
        var report = new MarkdownReport(directory, "Experiment 2: the whole hierarchy in the maze, with program noise", command, s.Seed);
        report.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"The L2 goal code programs L1 (Pr and Pl), which drives a simulated Pioneer 3-DX {(s.Sonars.Pings is null ? "with its front sonar ring" : $"with {s.Sonars.Layout.Count} HC-SR04 modules (layout {s.Sonars.Layout}, fired in {s.Sonars.Pings.Slots.Count} slots of {s.Sonars.Pings.SlotLength.TotalMilliseconds:0} ms as their driver fires them)")} through a depth-3 T-maze to one of eight goals. Programs: {libraries}. Each trial perturbs every code value c {(s.NoiseOn switch { NoiseTarget.L1 => "of L1's primitives (Pr, Pl) only", NoiseTarget.L2 => "of L2's goal code only", _ => "(Pr, Pl and the goal code)" })} to c (1 + k N(0, 1)) (clamped to the weight range) and runs with sonar range noise of {s.SonarSigma} m. {Modules("L1", s.L1Modules, "Pr and Pl", "outputs")}; {Modules("L2", s.L2Modules, "the goal code", "selections")}. Success is the commanded goal reached without touching a wall within {s.TimeLimit:F0} s. {s.Trials} trials per cell, {result.Cells.Sum(c => c.Success.Trials)} episodes in {result.Elapsed.TotalSeconds:F0} s of wall time."));

        report.Heading("Success rate by maze size and noise (all goals)");
        report.Table(
            ["lambda", .. s.NoiseLevels.Select(k => $"k = {MarkdownReport.Percent(k)}")],
            s.Lambdas.Select(l => (IReadOnlyList<string>)[Number(l, 1), .. s.NoiseLevels.Select(k => RateCell(Pool(result, l, k)))]));
        report.Paragraph("Each cell: successes / trials, rate, and the Wilson 95% interval.");

        var chart = "success-vs-noise.png";
        var series = s.Lambdas.Select(l =>
        {
            var rates = s.NoiseLevels.Select(k => Pool(result, l, k)).ToArray();
            return new Series($"lambda {Number(l, 1)}", [.. s.NoiseLevels.Select(k => 100 * k)], [.. rates.Select(r => 100 * r.Rate)], [.. rates.Select(r => 100 * r.Low)], [.. rates.Select(r => 100 * r.High)]);
        }).ToArray();

        // The axis starts just below the lowest interval, in steps of 5%: the region near 100% is where programs differ.
        var lowest = series.SelectMany(x => x.BandLow!).DefaultIfEmpty(0).Min();
        LineChart.SavePng(report.PicturePath(chart), "Maze success against program noise", "code noise k (%)", "success rate (%)", series,
            yMin: Math.Max(0, Math.Floor((lowest - 1) / 5) * 5), yMax: 100.5);
        report.Image("success against noise", chart);

        report.Heading("Success rate by goal");
        foreach (var l in s.Lambdas)
        {
            report.Paragraph($"lambda = {Number(l, 1)}:");
            report.Table(
                ["goal", .. s.NoiseLevels.Select(k => $"k = {MarkdownReport.Percent(k)}")],
                result.Cells.Where(c => c.Lambda == l).GroupBy(c => c.Goal).Select(g => (IReadOnlyList<string>)[g.Key, .. g.OrderBy(c => c.Noise).Select(c => MarkdownReport.Percent(c.Success.Rate))]));
        }

        report.Heading("How trials failed");
        report.Table(
            ["k", "trials", "reached", "wrong goal", "crash", "time-out", "mean time to goal (s)"],
            s.NoiseLevels.Select(k =>
            {
                var cells = result.Cells.Where(c => c.Noise == k).ToArray();
                var reached = cells.Sum(c => c.Reached);
                var time = reached > 0 ? cells.Where(c => c.Reached > 0).Sum(c => c.MeanTimeToGoal * c.Reached) / reached : double.NaN;
                return (IReadOnlyList<string>)[MarkdownReport.Percent(k), cells.Sum(c => c.Success.Trials).ToString(CultureInfo.InvariantCulture), reached.ToString(CultureInfo.InvariantCulture),
                    cells.Sum(c => c.WrongGoal).ToString(CultureInfo.InvariantCulture), cells.Sum(c => c.Crashes).ToString(CultureInfo.InvariantCulture), cells.Sum(c => c.TimeOuts).ToString(CultureInfo.InvariantCulture), Number(time, 1)];
            }));

        report.Heading("Trajectories");
        var pictureLambda = s.Lambdas.Contains(3.0) ? 3.0 : s.Lambdas[0];
        var maze = TMazeGenerator.Depth3(pictureLambda);
        report.Paragraph($"The first trial of every noise level for each goal at lambda = {Number(pictureLambda, 1)}.");
        foreach (var goal in result.Trajectories.Select(t => t.Goal).Distinct())
        {
            var file = $"trajectories-{goal}.png";
            var paths = result.Trajectories.Where(t => t.Goal == goal && t.Lambda == pictureLambda)
                .Select(t => new Trajectory($"k = {MarkdownReport.Percent(t.Noise)}: {t.Outcome.Words()}", t.Poses)).ToList();
            MazePicture.SavePng(maze.World, paths, $"goal {goal} ({maze.Goal(goal).Turns}), lambda {Number(pictureLambda, 1)}", report.PicturePath(file), 800, 640);
            report.Image($"trajectories to {goal}", file);
        }

        return report.Save();
    }

    private static SuccessRate Pool(MazeExperimentResult result, double lambda, double noise)
    {
        var cells = result.Cells.Where(c => c.Lambda == lambda && c.Noise == noise).ToArray();
        return new SuccessRate(cells.Sum(c => c.Success.Successes), cells.Sum(c => c.Success.Trials));
    }

    private static string RateCell(SuccessRate rate) =>
        $"{rate.Successes}/{rate.Trials} = {MarkdownReport.Percent(rate.Rate)} [{MarkdownReport.Percent(rate.Low)}, {MarkdownReport.Percent(rate.High)}]";

    private static string Number(double value, int decimals) => MarkdownReport.Number(value, decimals);

    private static string Modules(string level, int modules, string codes, string outputs) => modules == 1
        ? $"{level} is a single module"
        : $"{level} runs as {modules} identical modules, each fed {codes} on its own lines (perturbed independently), whose {outputs} are put to a median vote";
}
