namespace Hpnna.Robot.Sensing;

/// <summary>
/// Which sensors fire together, slot after slot. Sensors are numbered in order around the robot, so
/// neighbours in that order can hear each other and never share a slot; a sensor fires at most once per
/// <see cref="MinimumSensorCycle"/> (the HC-SR04's 60 ms), padding the cycle with idle time if needed.
/// </summary>
public sealed class PingSchedule
{
    /// <summary>The HC-SR04 data sheet's shortest time between two pings of one module.</summary>
    public static readonly TimeSpan MinimumSensorCycle = TimeSpan.FromMilliseconds(60);

    private PingSchedule(int[][] slots, TimeSpan slot, TimeSpan idle)
    {
        Slots = slots;
        SlotLength = slot;
        IdleAfterCycle = idle;
    }

    /// <summary>Sensor indices per slot, in firing order.</summary>
    public IReadOnlyList<int[]> Slots { get; }

    /// <summary>How long each slot waits for echoes (4 m is a 23.3 ms round trip).</summary>
    public TimeSpan SlotLength { get; }

    /// <summary>Idle time after the last slot so that no sensor fires more often than every 60 ms.</summary>
    public TimeSpan IdleAfterCycle { get; }

    public TimeSpan Cycle => SlotLength * Slots.Count + IdleAfterCycle;

    /// <summary>One sensor per slot, in order.</summary>
    public static PingSchedule RoundRobin(int sensors, TimeSpan slot) =>
        Create(Enumerable.Range(0, sensors).Select(i => new[] { i }).ToArray(), sensors, slot);

    /// <summary>
    /// Groups of sensors that are never neighbours: sensor i goes to slot i mod k, with k the smallest count
    /// (at least 2, and 3 for a closed ring of odd size) that keeps neighbours apart.
    /// </summary>
    public static PingSchedule NonAdjacentGroups(int sensors, TimeSpan slot, bool closedRing = false)
    {
        var k = sensors <= 1 ? 1 : closedRing && sensors % 2 == 1 ? 3 : 2;
        var slots = Enumerable.Range(0, Math.Min(k, sensors)).Select(s => Enumerable.Range(0, sensors).Where(i => i % k == s).ToArray()).ToArray();
        return Create(slots, sensors, slot, closedRing);
    }

    /// <summary>An explicit schedule, checked: every sensor fires, none twice per cycle, no neighbours together.</summary>
    public static PingSchedule Create(int[][] slots, int sensors, TimeSpan slot, bool closedRing = false)
    {
        var problems = new List<string>();
        if (slot < TimeSpan.FromMilliseconds(25))
        {
            problems.Add($"a slot must last at least 25 ms to hear a 4 m echo (got {slot.TotalMilliseconds} ms)");
        }

        var seen = new int[sensors];
        for (var s = 0; s < slots.Length; s++)
        {
            foreach (var i in slots[s])
            {
                if (i < 0 || i >= sensors)
                {
                    problems.Add($"slot {s}: no sensor {i} (there are {sensors})");
                    continue;
                }

                seen[i]++;
                foreach (var j in slots[s])
                {
                    if (j > i && (j - i == 1 || (closedRing && i == 0 && j == sensors - 1)))
                    {
                        problems.Add($"slot {s}: sensors {i} and {j} are neighbours and would hear each other");
                    }
                }
            }
        }

        for (var i = 0; i < sensors; i++)
        {
            if (seen[i] != 1)
            {
                problems.Add($"sensor {i} fires {seen[i]} times per cycle (must be once)");
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("ping schedule: " + string.Join("; ", problems));
        }

        var busy = slot * slots.Length;
        var idle = busy < MinimumSensorCycle ? MinimumSensorCycle - busy : TimeSpan.Zero;
        return new PingSchedule(slots, slot, idle);
    }
}
