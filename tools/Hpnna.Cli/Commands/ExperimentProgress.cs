using Spectre.Console;

namespace Hpnna.Cli.Commands;

/// <summary>
/// Runs a long experiment under one progress bar fed with (done, total), with Ctrl+C cancelling it; the
/// caller gets null back when it was cancelled.
/// </summary>
internal static class ExperimentProgress
{
    public static T? Run<T>(TextWriter output, string label, Func<Action<int, int>, CancellationToken, T> work)
        where T : class
    {
        using var cancel = new CtrlC();
        T? result = null;
        ConsoleFactory.For(output).Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                try
                {
                    result = work(
                        (done, total) =>
                        {
                            task.MaxValue = total;
                            task.Value = done;
                        },
                        cancel.Token);
                }
                catch (OperationCanceledException) when (cancel.Pressed)
                {
                    result = null;
                }
            });
        return result;
    }
}
