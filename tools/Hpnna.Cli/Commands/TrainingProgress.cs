using System.Globalization;
using Hpnna.Training.Evolution;
using Hpnna.Training.Libraries;
using Spectre.Console;

namespace Hpnna.Cli.Commands;

/// <summary>One program to learn: its label for the progress bar, the most generations it may run (all stages), and the run that learns it.</summary>
internal sealed record TrainingJob(string Label, int Generations, Func<Action<DeProgress>, CancellationToken, TrainedProgram> Train);

/// <summary>
/// Runs a list of training jobs under one progress bar per job (best and mean fitness as they go), with
/// Ctrl+C stopping the current job and keeping its best so far, and the jobs after it skipped.
/// </summary>
internal static class TrainingProgress
{
    public static IReadOnlyList<TrainedProgram> Run(TextWriter output, IReadOnlyList<TrainingJob> jobs)
    {
        using var cancel = new CtrlC();
        var console = ConsoleFactory.For(output);
        var results = new List<TrainedProgram>();
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var tasks = jobs.Select(job => context.AddTask(Markup.Escape(job.Label), autoStart: false, maxValue: job.Generations)).ToList();
                for (var i = 0; i < jobs.Count && !cancel.Pressed; i++)
                {
                    var task = tasks[i];
                    var label = jobs[i].Label;
                    task.StartTask();
                    var trained = jobs[i].Train(
                        p =>
                        {
                            task.Value = p.Generation;
                            task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{label}  best {p.BestFitness:F4}  mean {p.MeanFitness:F4}{(p.BestSolves ? "  solved" : string.Empty)}"));
                        },
                        cancel.Token);
                    task.Value = task.MaxValue;
                    task.StopTask();
                    results.Add(trained);
                }
            });
        foreach (var r in results)
        {
            var record = r.Program.Trained!;
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"{Markup.Escape(r.Program.Name)}: [{(record.Solved ? "green]solved" : "yellow]not solved")}[/] after {record.Generations} generations ({r.Run.Evaluations} evaluations, {r.Elapsed.TotalSeconds:F1} s), fitness {record.Fitness:F4}{(r.Run.Stop == DeStop.Cancelled ? ", stopped by Ctrl+C: best so far kept" : string.Empty)}"));
        }

        return results;
    }
}
