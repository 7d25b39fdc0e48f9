namespace Hpnna.Cli.Commands;

/// <summary>
/// Turns Ctrl+C into a cancellation for as long as it is alive, instead of killing the process, so long work
/// can stop cleanly and keep or report what it has.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();

    public CtrlC() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _cancel.Token;

    public bool Pressed => _cancel.IsCancellationRequested;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _cancel.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true;
        _cancel.Cancel();
    }
}
