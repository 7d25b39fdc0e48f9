using System.Runtime.InteropServices;

namespace Hpnna.Robot.Loop;

/// <summary>
/// Puts the calling thread (only it) under SCHED_FIFO on Linux. Thread.Priority does nothing there; with both
/// cores saturated FIFO took the loop's p99 wake-up lateness from about 3 ms to under 0.1 ms (realtime.md).
/// Needs root or CAP_SYS_NICE / LimitRTPRIO in the systemd unit. Never for a loop that spins (virtual time):
/// RT throttling would freeze it. Threads the FIFO thread starts (thread-pool workers, the JIT's, a verdict
/// thread) begin under normal scheduling (SCHED_RESET_ON_FORK): an inherited FIFO on a thread doing bulk work
/// would starve every normal thread on its core, the runtime's GC among them, and through the GC the FIFO
/// threads too.
/// </summary>
public static partial class RealtimeScheduling
{
    private const int SchedOther = 0;
    private const int SchedFifo = 1;
    private const int SchedResetOnFork = 0x40000000;

    /// <summary>Tries SCHED_FIFO at <paramref name="priority"/> (1-99); returns null on success, else why not.</summary>
    public static string? TryEnableFifo(int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "SCHED_FIFO exists only on Linux";
        }

        var parameter = priority;
        if (SchedSetScheduler(0, SchedFifo | SchedResetOnFork, ref parameter) == 0)
        {
            return null;
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno == 1 ? "not permitted (run with CAP_SYS_NICE or LimitRTPRIO in the systemd unit)" : Marshal.GetPInvokeErrorMessage(errno);
    }

    /// <summary>How a thread that asked for <paramref name="priority"/> is scheduled, for logs: FIFO, or normal and why (<paramref name="refused"/> as <see cref="TryEnableFifo"/> returned it).</summary>
    public static string Describe(int priority, string? refused) => refused is null ? $"SCHED_FIFO priority {priority}" : $"normal ({refused})";

    /// <summary>Puts the calling thread back under normal scheduling (for work after its real-time part); false if refused.</summary>
    public static bool ReturnToNormal()
    {
        var parameter = 0;
        return OperatingSystem.IsLinux() && SchedSetScheduler(0, SchedOther, ref parameter) == 0;
    }

    /// <summary>The processor the calling thread is running on (exact, unlike the runtime's cached id), or -1 off Linux.</summary>
    public static int CurrentCpu() => OperatingSystem.IsLinux() ? SchedGetCpu() : -1;

    [LibraryImport("libc", EntryPoint = "sched_getcpu")]
    private static partial int SchedGetCpu();

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref int parameter);
}
