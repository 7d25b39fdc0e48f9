using System.Runtime.InteropServices;

namespace Hpnna.Robot.Loop;

/// <summary>
/// Puts the calling thread (only it) under SCHED_FIFO on Linux. Thread.Priority does nothing there; with both
/// cores saturated FIFO took the loop's p99 wake-up lateness from about 3 ms to under 0.1 ms (realtime.md).
/// Needs root or CAP_SYS_NICE / LimitRTPRIO in the systemd unit. Never for a loop that spins (virtual time):
/// RT throttling would freeze it.
/// </summary>
public static partial class RealtimeScheduling
{
    private const int SchedFifo = 1;

    /// <summary>Tries SCHED_FIFO at <paramref name="priority"/> (1-99); returns null on success, else why not.</summary>
    public static string? TryEnableFifo(int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "SCHED_FIFO exists only on Linux";
        }

        var parameter = priority;
        if (SchedSetScheduler(0, SchedFifo, ref parameter) == 0)
        {
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == 1 ? "not permitted (run with CAP_SYS_NICE or LimitRTPRIO in the systemd unit)" : Marshal.GetPInvokeErrorMessage(errno);
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref int parameter);
}
