using System.Globalization;
using Hpnna.Rendering;
using Hpnna.Training.Libraries;
using Hpnna.Training.Primitives;
using Hpnna.Training.Reports;

namespace Hpnna.Training.Experiments.Incremental;

/// <summary>Writes experiment 3's report: the fingerprint of every primitive after every stage, and the three primitives' paths.</summary>
public static class IncrementalReport
{
    public static string Write(IncrementalResult result, string directory, string command)
    {
        var report = new MarkdownReport(directory, "Experiment 3: learning primitives one after another on a fixed interpreter", command, result.Settings.Seed);
        report.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"Pr (right-wall follower), then Pl (left-wall follower), then Pc (corridor-centre follower) are learned one DE run each ({ProgramTraining.Method(result.Settings)}, {result.Settings.MaxGenerations} generations) on the same L1 interpreter, in a depth-2 T-maze from {result.Arena.Trials.Count} starts. After each stage the program library is written to disk and read back, and every primitive learned so far is run again from every start; its behaviour is fingerprinted with SHA-256 over the bits of every pose and command of every tick. {result.Elapsed.TotalSeconds:F0} s of wall time."));

        report.Heading("Verdict");
        report.Paragraph(result.EarlierProgramsUnchanged
            ? "Every earlier primitive behaves **bit for bit the same** after each later one is learned, and the interpreter is unchanged: a new program never disturbs the old ones."
            : "**Some earlier primitive changed behaviour** after a later one was learned: see the table.");

        report.Heading("Training");
        report.Table(
            ["stage", "learned", "solved", "fitness", "generations", "wall time", "interpreter fingerprint"],
            result.Stages.Select((s, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture), $"{PrimitiveNames.Of(s.Learned)} ({s.Learned})", s.Training.Program.Trained!.Solved ? "yes" : "no",
                MarkdownReport.Number(s.Training.Program.Trained.Fitness, 4), s.Training.Run.Generations.ToString(CultureInfo.InvariantCulture), $"{s.Training.Elapsed.TotalSeconds:F1} s", $"`{s.InterpreterFingerprint}`"]));

        report.Heading("Behaviour of every primitive after every stage");
        report.Table(
            ["primitive", .. result.Stages.Select((s, i) => $"after stage {i + 1}")],
            IncrementalExperiment.Order.Select(kind => (IReadOnlyList<string>)[
                PrimitiveNames.Of(kind),
                .. result.Stages.Select(s => s.Behaviours.TryGetValue(kind, out var b) ? $"`{b.Fingerprint[..16]}`, {b.GoalsReached}/{b.Trials} goals" : "not learned yet")]));
        report.Paragraph("A cell shows the first 16 hex digits of the behaviour's fingerprint and how many starts reached the goal the primitive leads to (any goal for Pc).");

        report.Heading("Paths");
        report.Paragraph("The grey dot marks the maze's own start; these trials start in the middle of a corridor, where each path begins.");
        var last = result.Stages[^1].Behaviours;
        foreach (var (start, label) in new[] { (0, "the middle of the stem"), (3, "a first-level arm") })
        {
            var file = $"paths-start-{start + 1}.png";
            MazePicture.SavePng(result.Arena.Maze.World, [.. IncrementalExperiment.Order.Select(k => new Trajectory(PrimitiveNames.Of(k), last[k].Paths[start]))],
                $"Pr, Pl and Pc from {label}", report.PicturePath(file), 800, 640);
            report.Image($"the three primitives from {label}", file);
        }

        return report.Save();
    }
}
