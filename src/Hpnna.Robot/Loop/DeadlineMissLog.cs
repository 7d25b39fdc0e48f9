using System.Diagnostics;

namespace Hpnna.Robot.Loop;

/// <summary>One deadline miss, as the control thread saw it.</summary>
/// <param name="Index">The tick that finally ran.</param>
/// <param name="Skipped">Deadlines missed whole before it.</param>
/// <param name="Late">Seconds from the first missed deadline to the wake-up.</param>
/// <param name="WokeAt">Monotonic timestamp of the wake-up (<see cref="Stopwatch"/>; CLOCK_MONOTONIC on Linux, shared by every process on the machine).</param>
/// <param name="Cpu">The processor the thread woke on.</param>
/// <param name="Overran">Whether the loop came back only after the deadline (see <see cref="Tick.Overran"/>).</param>
/// <param name="PreviousDuration">Seconds the tick before took, for judging an overrun.</param>
public readonly record struct DeadlineMiss(long Index, int Skipped, double Late, long WokeAt, int Cpu, bool Overran, double PreviousDuration)
{
    /// <summary>The wake-up in seconds on the monotonic clock.</summary>
    public double WokeAtSeconds => WokeAt / (double)Stopwatch.Frequency;

    public override string ToString() => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"tick {Index} woke {Late * 1e3:0.0} ms after its first missed deadline ({Skipped} skipped) at monotonic {WokeAtSeconds:0.000} s on CPU {Cpu}: {(Overran ? $"overrun (the loop came back late; the tick before took {PreviousDuration * 1e3:0.###} ms)" : "late wake-up (the thread was not run in time)")}");
}

/// <summary>
/// The last deadline misses, written by the control thread without allocating or locking and read by any
/// thread with a cursor, so a status logger can say when each miss happened and why (a machine stall shows up
/// on every thread of the machine at the same monotonic time; an overrun only here). A reader that falls more
/// than <see cref="Capacity"/> misses behind is told how many it lost.
/// </summary>
public sealed class DeadlineMissLog
{
    public const int Capacity = 64;

    private readonly DeadlineMiss[] _entries = new DeadlineMiss[Capacity];
    private long _written;

    /// <summary>Misses recorded so far.</summary>
    public long Count => Volatile.Read(ref _written);

    /// <summary>Records a miss (the control thread only).</summary>
    public void Add(in DeadlineMiss miss)
    {
        var n = _written;
        _entries[n % Capacity] = miss;
        Volatile.Write(ref _written, n + 1);
    }

    /// <summary>
    /// Copies the misses after <paramref name="cursor"/> into <paramref name="into"/> (oldest first), advances
    /// the cursor past them and returns how many were copied; <paramref name="lost"/> counts those overwritten
    /// before they could be read.
    /// </summary>
    public int Read(ref long cursor, Span<DeadlineMiss> into, out long lost)
    {
        var written = Volatile.Read(ref _written);
        lost = Math.Max(0, written - Capacity - cursor);
        cursor += lost;
        var copied = 0;
        while (cursor < written && copied < into.Length)
        {
            var entry = _entries[cursor % Capacity];

            // The writer may have been writing a later miss into this slot while it was copied (it writes miss n
            // into slot n % Capacity before publishing n + 1): then the copy may be torn and is dropped.
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _written) - cursor >= Capacity)
            {
                lost++;
            }
            else
            {
                into[copied++] = entry;
            }

            cursor++;
        }

        return copied;
    }
}
