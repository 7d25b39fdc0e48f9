using System.Globalization;
using Hpnna.Training.Libraries;
using Hpnna.Training.Reports;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Experiments.ProgramsVsDynamics;

/// <summary>Writes experiment 1's report: per dataset a results table, a rank test and the fitness curves of both architectures.</summary>
public static class ProgramsVsDynamicsReport
{
    public static string Write(ProgramsVsDynamicsResult result, string directory, string command)
    {
        var s = result.Settings;
        var l2 = s.L2();
        var evolution = s.Evolution(s.Seed);
        var report = new MarkdownReport(directory, "Experiment 1: learning programs against learning dynamics", command, s.Seed);
        report.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"HPNNA learns one goal code per task T1..T8 ({l2.CodeLength} values each, {GoalTask.Count * l2.CodeLength} in all) on the fixed L2 interpreter ({l2.NeuronCount} neurons, {s.Mul} muls); the NOA learns all {NoaNetwork.ParametersOf(s.NoaNeurons)} weights and biases of one fully connected CTRNN ({s.NoaNeurons} neurons, the trigger and a one-hot task as inputs) that must do all eight tasks. Both learn by {ProgramTraining.Method(evolution)}, at most {s.Generations} generations (per task for HPNNA, for the one run of the NOA: a NOA evaluation runs all eight tasks, so both get the same network steps), stopping when solved{(evolution.RestartAfter > 0 ? $" (a restart draws a fresh random population when the best has not risen by {evolution.RestartTolerance} for that many generations)" : string.Empty)}. {s.Runs} independent runs per architecture and dataset; {result.Elapsed.TotalMinutes:F1} min of wall time in all."));
        report.Paragraph("A task is solved when the output is on the right side of 0.5 by 0.1 from 2 steps before each junction turn until 2 steps into it, on every training sequence. Fitness is the mean of three terms: the decision credit, 1 - MSE, and the fraction of sequences done right (1 is perfect). Unseen sizes: 10 new trigger sequences per size; the table gives the fraction of (task, sequence) pairs done right.");
        if (s.Mul != Core.Muls.MulKind.Published)
        {
            report.Paragraph($"The interpreter here uses {s.Mul} muls so that {s.Runs} x 2 x 2 runs fit in minutes; the shipped L2 programs are learned on published muls (`hpnna train l2`), about 5 times slower per evaluation (measured: 550 against 3000 evaluations a second on 2 cores).");
        }

        foreach (var dataset in result.Runs.Select(r => r.Dataset).Distinct())
        {
            var hpnna = result.Runs.Where(r => r.Dataset == dataset && r.Architecture == Architecture.Hpnna).ToList();
            var noa = result.Runs.Where(r => r.Dataset == dataset && r.Architecture == Architecture.Noa).ToList();
            report.Heading($"Dataset: {dataset}");
            report.Table(
                ["", "HPNNA", "NOA"],
                [
                    Row("final fitness: best / mean / worst", hpnna, noa, runs => { var f = Summary.Of([.. runs.Select(r => r.FinalFitness)]); return $"{N(f.Max)} / {N(f.Mean)} / {N(f.Min)}"; }),
                    Row("final fitness: mean, 95% CI", hpnna, noa, runs => { var f = Summary.Of([.. runs.Select(r => r.FinalFitness)]); return $"{N(f.Mean)} [{N(f.CiLow)}, {N(f.CiHigh)}], sd {N(f.StandardDeviation)}"; }),
                    Row("runs solving 8 of 8 tasks", hpnna, noa, runs => $"{runs.Count(r => r.TasksSolved == GoalTask.Count)} of {runs.Count}"),
                    Row("tasks solved per run: mean (min-max)", hpnna, noa, runs => $"{N(runs.Average(r => r.TasksSolved), 1)} ({runs.Min(r => r.TasksSolved)}-{runs.Max(r => r.TasksSolved)})"),
                    Row("generations to solve all 8 (runs that did): median", hpnna, noa, runs => Median([.. runs.Where(r => r.GenerationsToSolveAll is not null).Select(r => (double)r.GenerationsToSolveAll!.Value)])),
                    .. s.UnseenLambdas.Select((l, u) => Row($"unseen lambda {N(l, 1)}: sequences right, mean (worst run)", hpnna, noa, runs => $"{MarkdownReport.Percent(runs.Average(r => r.UnseenRight[u]))} ({MarkdownReport.Percent(runs.Min(r => r.UnseenRight[u]))})")),
                    Row("wall time per run: mean", hpnna, noa, runs => $"{N(runs.Average(r => r.Elapsed.TotalSeconds), 1)} s"),
                ]);
            var test = RankSumTest.Of([.. hpnna.Select(r => r.FinalFitness)], [.. noa.Select(r => r.FinalFitness)]);
            report.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"Wilcoxon rank-sum test of the final fitness, HPNNA against NOA: U = {test.U:F1}, z = {test.Z:F2}, two-sided p = {test.PValue:G3}."));

            var chart = $"fitness-{dataset.Split(' ')[0]}-{dataset.Split(' ')[1]}.png".Replace("(", string.Empty, StringComparison.Ordinal);
            LineChart.SavePng(report.PicturePath(chart), $"Best fitness by generation, {dataset}", "generation", "best fitness (mean of runs, 95% CI)",
                [Curve("HPNNA", hpnna), Curve("NOA", noa)]);
            report.Image($"fitness curves, {dataset}", chart);
        }

        return report.Save();
    }

    private static IReadOnlyList<string> Row(string label, List<ArchitectureRun> hpnna, List<ArchitectureRun> noa, Func<List<ArchitectureRun>, string> cell) => [label, cell(hpnna), cell(noa)];

    private static Series Curve(string label, List<ArchitectureRun> runs)
    {
        var length = runs[0].Curve.Length;
        var summaries = Enumerable.Range(0, length).Select(g => Summary.Of([.. runs.Select(r => r.Curve[g])])).ToArray();
        return new Series(label, [.. Enumerable.Range(0, length).Select(g => (double)g)], [.. summaries.Select(x => x.Mean)], [.. summaries.Select(x => x.CiLow)], [.. summaries.Select(x => x.CiHigh)]);
    }

    private static string Median(double[] values)
    {
        if (values.Length == 0)
        {
            return "none did";
        }

        Array.Sort(values);
        var median = values.Length % 2 == 1 ? values[values.Length / 2] : 0.5 * (values[values.Length / 2 - 1] + values[values.Length / 2]);
        return $"{N(median, 0)} ({values.Length} runs)";
    }

    private static string N(double value, int decimals = 3) => MarkdownReport.Number(value, decimals);
}
