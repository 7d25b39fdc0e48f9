using System.Diagnostics;

namespace Hpnna.Host.CommandLink;

/// <summary>
/// Keeps a peer from flooding the log: at most <see cref="Burst"/> warnings per <see cref="Window"/>, the rest
/// counted and reported with the next one let through. (Unlimited, a stream of bad lines wrote 40 MB of log in
/// under 4 s.) One instance per link thread.
/// </summary>
internal sealed class LogBudget
{
    public const int Burst = 5;

    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private long _windowStart = Stopwatch.GetTimestamp();
    private int _spent;

    /// <summary>Lines suppressed since the last one let through.</summary>
    public int Suppressed { get; private set; }

    /// <summary>Whether one more warning may be written now; if not, it is counted as suppressed.</summary>
    public bool TrySpend()
    {
        if (Stopwatch.GetElapsedTime(_windowStart) >= Window)
        {
            _windowStart = Stopwatch.GetTimestamp();
            _spent = 0;
        }

        if (_spent >= Burst)
        {
            Suppressed++;
            return false;
        }

        _spent++;
        return true;
    }

    /// <summary>The count suppressed before this line, reset: " (N similar lines suppressed)" or "".</summary>
    public string TakeSuppressed()
    {
        var text = Suppressed > 0 ? $" ({Suppressed} similar lines suppressed)" : "";
        Suppressed = 0;
        return text;
    }
}
