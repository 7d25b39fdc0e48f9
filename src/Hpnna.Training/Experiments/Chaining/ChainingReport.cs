using System.Globalization;
using Hpnna.Training.Experiments.Maze;
using Hpnna.Training.Motifs;
using Hpnna.Training.Reports;

namespace Hpnna.Training.Experiments.Chaining;

/// <summary>Writes the chaining report: errors alone and chained per regime and per motif, the pair matrices, and chained drawings.</summary>
public static class ChainingReport
{
    private static readonly string[] RegimeNames = ["fixed start", "random initial states", "preparatory phase", "learned initial state + phase"];

    public static string Write(ChainingResult result, string directory, string command)
    {
        var s = result.Settings;
        var report = new MarkdownReport(directory, "Motif transitions: zero-shot chaining with and without a preparatory phase", command, s.Seed);
        report.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"{result.Motifs.Count} pen-velocity motifs of {s.MotifSteps} slow steps ({s.MotifSteps * result.Interpreter.Step:0} s) are learned one DE run each ({s.Generations} generations of DE/best/1/bin, population 40, F 0.5, CR 0.9) as programs of one fixed interpreter: {result.Interpreter.NeuronCount} slow neurons, no input, every weight and bias programmable ({result.Interpreter.CodeLength} code values), published muls. No motif is ever trained with another, and no chain is ever trained. "
            + $"Regimes: **fixed start** (trained from the interpreter's initial state; in a chain each motif starts where the last left the network), **random initial states** (trained from the initial state and {s.RandomStarts} random states, the standard trick; chained the same way), **preparatory phase** (the fixed-start codes, chained through the transition module: {s.Phase.Steps} steps pulling the state halfway (gain {s.Phase.Gain}) to the initial state each step, within {s.Phase.Tolerance:G2} of it from anywhere), **learned initial state + phase** (each code learned together with its own initial state, 6 more values in the same DE run; chained through the same phase toward the next program's own state). "
            + $"Chains: every ordered pair, and {s.Chains} random chains of {s.ChainLength}. A transition **fails** when the motif's error in the chain is more than {ChainEvaluation.FailureFactor} times its error alone and worse by more than {ChainEvaluation.FailureFloor} (mean squared error, activity units). {result.Elapsed.TotalSeconds:F0} s of wall time."));

        report.Heading("Verdict");
        report.Table(
            ["regime", "RMS error alone", "RMS error chained", "failed transitions", "mean extra MSE in a chain"],
            result.Regimes.Select((r, i) => (IReadOnlyList<string>)[
                RegimeNames[i],
                MarkdownReport.Number(Rms(r.Chains.Isolated.Average()), 4),
                MarkdownReport.Number(Rms(r.Chains.Transitions.Average(t => t.ChainedMse)), 4),
                MarkdownReport.Percent(r.Chains.FailedFraction),
                r.Chains.MeanExtraMse.ToString("0.00000", CultureInfo.InvariantCulture)]));
        report.Paragraph(result.OldMotifsUnchanged
            ? "Learning each new motif left every earlier motif's output **bit-identical** (SHA-256 of its outputs played alone, checked after every later motif)."
            : "**An earlier motif's output changed** after a later motif was learned.");

        report.Heading("Per motif");
        report.Table(
            ["motif", .. RegimeNames.Select(n => $"alone, {n}"), .. RegimeNames.Select(n => $"after each other motif, {n}")],
            result.Motifs.Select((m, j) => (IReadOnlyList<string>)[
                m.Name,
                .. result.Regimes.Select(r => MarkdownReport.Number(Rms(r.Chains.Isolated[j]), 4)),
                .. result.Regimes.Select(r => MarkdownReport.Number(Rms(Enumerable.Range(0, result.Motifs.Count).Average(from => r.Chains.Pairs[from, j])), 4))]));
        report.Paragraph("RMS errors in activity units (outputs live in (0, 1); 0.5 is a pen at rest).");

        for (var i = 0; i < result.Regimes.Count; i++)
        {
            var r = result.Regimes[i];
            report.Heading($"Pairs, {RegimeNames[i]}: RMS error of the second motif");
            report.Table(
                ["first \\ second", .. result.Motifs.Select(m => m.Name)],
                result.Motifs.Select((m, from) => (IReadOnlyList<string>)[m.Name, .. result.Motifs.Select((_, to) => MarkdownReport.Number(Rms(r.Chains.Pairs[from, to]), 3) + (new ChainedMotif(to, from, r.Chains.Pairs[from, to], r.Chains.Isolated[to]).Failed ? " ✗" : ""))]));
        }

        report.Heading("A chain drawn");
        var order = result.Regimes[0].Chains.Chains[0].Select(c => c.Motif).ToArray();
        var names = string.Join(" → ", order.Select(o => result.Motifs[o].Name));
        report.Paragraph($"The first random chain, {names}, in every regime, against the motifs' targets played one after another: first the pen's path (outputs integrated as velocities), then the x output over time.");
        var target = (order.SelectMany(o => result.Motifs[o].X).ToArray(), order.SelectMany(o => result.Motifs[o].Y).ToArray());
        var played = result.Regimes.Select(r => ChainEvaluation.Trace(result.Motifs, r.Programs, result.Interpreter, r.Phase, order)).ToArray();
        LineChart.SavePng(report.PicturePath("chain-path.png"), "Pen path of one chain", "x", "y",
            [PenPath("target", target), .. played.Select((p, i) => PenPath(RegimeNames[i], p))], width: 800, height: 700);
        var time = Enumerable.Range(1, target.Item1.Length).Select(k => k * result.Interpreter.Step).ToArray();
        LineChart.SavePng(report.PicturePath("chain-x.png"), "x velocity output along the chain", "time (s)", "output",
            [new Series("target", time, target.Item1), .. played.Select((p, i) => new Series(RegimeNames[i], time, p.X))], 0, 1);
        report.Image("pen path of one chain", "chain-path.png");
        report.Image("x output along the chain", "chain-x.png");

        if (result.Maze is { } maze)
        {
            report.Heading("The robot's own chaining: Pr/Pl switches in the maze");
            report.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"The shipped hierarchy (L2 goal codes switching L1 between Pr and Pl at junctions) in a depth-3 maze at lambda 3, {s.MazeTrials} trials per goal and code-noise level (noise on every code value, as in the maze experiment), without and with L1's preparatory phase ({s.Phase.Steps} steps, gain {s.Phase.Gain}) at every switch. Success: the commanded goal reached without touching a wall."));
            report.Table(
                ["goal", .. s.MazeNoise.SelectMany(k => new[] { $"k = {k:P0}, without", $"k = {k:P0}, with" })],
                Enumerable.Range(1, 8).Select(g => (IReadOnlyList<string>)[
                    $"G{g}",
                    .. s.MazeNoise.SelectMany(k => new[] { Cell(maze.Without, g, k), Cell(maze.With, g, k) })]));
            report.Paragraph("L1 has only two slow neurons, its outputs, and the wall followers are nearly memoryless: the state one primitive leaves is mostly what the sonars make of it a step later. So the zero-shot transition problem is small at L1, and the table shows whether the phase helps or costs (while it runs the outputs are pulled to the initial state instead of following the walls).");
        }

        return report.Save();
    }

    private static double Rms(double mse) => Math.Sqrt(mse);

    private static string Cell(MazeExperimentResult result, int goal, double noise) =>
        result.Cells.Single(c => c.Goal == $"G{goal}" && c.Noise == noise).Success is var rate ? $"{rate.Successes}/{rate.Trials}" : "";

    /// <summary>A velocity trace integrated into a pen path starting at the origin.</summary>
    private static Series PenPath(string label, (double[] X, double[] Y) velocity)
    {
        var x = new double[velocity.X.Length + 1];
        var y = new double[x.Length];
        for (var k = 0; k < velocity.X.Length; k++)
        {
            x[k + 1] = x[k] + (velocity.X[k] - 0.5);
            y[k + 1] = y[k] + (velocity.Y[k] - 0.5);
        }

        return new Series(label, x, y);
    }
}
