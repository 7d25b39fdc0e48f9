using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Hpnna.Robot.Loop;

namespace Hpnna.Hil.Tests;

/// <summary>
/// Witnesses the machine itself stalling: one thread pinned to each processor at SCHED_FIFO 99 (above the
/// controller and the rig) wakes every millisecond and records each gap of <see cref="Threshold"/> or more on
/// the monotonic clock the controller stamps its deadline misses with. A thread that nothing on its processor
/// may preempt and that did not run for 300 ms means the processor itself did not run (on a VM: the hypervisor
/// took it), not that the controller was slow. The witness allocates nothing while it waits, so its own
/// process's GC cannot pass for a stall.
/// </summary>
public sealed partial class MachineStallWitness : IDisposable
{
    public const double Threshold = 0.010;

    private readonly List<Thread> _threads = [];
    private readonly List<Stall> _stalls = [];
    private volatile bool _stopping;
    private volatile bool _pinned = true;

    public MachineStallWitness()
    {
        for (var cpu = 0; cpu < Environment.ProcessorCount; cpu++)
        {
            var processor = cpu;
            var thread = new Thread(() => Watch(processor)) { IsBackground = true, Name = $"stall witness {cpu}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    /// <summary>A span of monotonic time, in seconds, in which the witness on <paramref name="Cpu"/> did not run.</summary>
    public readonly record struct Stall(int Cpu, double Start, double End);

    /// <summary>Whether every witness thread got SCHED_FIFO 99 and its processor (without them the witness proves nothing).</summary>
    public bool Pinned => _pinned;

    public IReadOnlyList<Stall> Stalls
    {
        get
        {
            lock (_stalls)
            {
                return [.. _stalls];
            }
        }
    }

    /// <summary>
    /// The part of a deadline miss (its first missed deadline to its wake-up) not covered by stalls of
    /// <paramref name="cpu"/> (every processor when null), in seconds. Less than one control period means the
    /// stall explains the miss: without it the loop would have woken within its period.
    /// </summary>
    public static double Unexplained(DeadlineMiss miss, IReadOnlyList<Stall> stalls, int? cpu)
    {
        var end = miss.WokeAtSeconds;
        var uncovered = 0.0;
        var from = end - miss.Late;
        foreach (var stall in stalls.Where(s => cpu is null || s.Cpu == cpu).OrderBy(s => s.Start))
        {
            if (stall.End <= from || stall.Start >= end)
            {
                continue;
            }

            uncovered += Math.Max(0, stall.Start - from);
            from = Math.Max(from, stall.End);
        }

        return uncovered + Math.Max(0, end - from);
    }

    public string Describe()
    {
        var stalls = Stalls;
        var perCpu = Enumerable.Range(0, Environment.ProcessorCount).Select(cpu =>
        {
            var mine = stalls.Where(s => s.Cpu == cpu).ToList();
            return string.Create(CultureInfo.InvariantCulture, $"CPU {cpu}: {mine.Count}{(mine.Count > 0 ? $" (longest {mine.Max(s => s.End - s.Start) * 1e3:0} ms)" : "")}");
        });
        return $"machine stalls of {Threshold * 1e3:0} ms or more witnessed at SCHED_FIFO 99{(Pinned ? "" : " (NOT pinned: see the witness's scheduling)")}: {string.Join(", ", perCpu)}";
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Watch(int cpu)
    {
        var mask = 1UL << cpu;
        if (SchedSetAffinity(0, sizeof(ulong), ref mask) != 0 || RealtimeScheduling.TryEnableFifo(99) is not null)
        {
            _pinned = false;
        }

        var threshold = (long)(Threshold * Stopwatch.Frequency);
        var last = Stopwatch.GetTimestamp();
        while (!_stopping)
        {
            Thread.Sleep(1);
            var now = Stopwatch.GetTimestamp();
            if (now - last >= threshold)
            {
                lock (_stalls)
                {
                    _stalls.Add(new Stall(cpu, last / (double)Stopwatch.Frequency, now / (double)Stopwatch.Frequency));
                }
            }

            last = now;
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nint size, ref ulong mask);
}
