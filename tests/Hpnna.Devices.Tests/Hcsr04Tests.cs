using System.Buffers.Binary;
using System.Device.Gpio;
using System.Diagnostics;
using Hpnna.Devices.Native;
using Hpnna.Devices.Sonar;
using Hpnna.Simulation.Gpio;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Devices.Tests;

/// <summary>The HC-SR04 driver against the simulated GPIO driver (timing as on the hardware), and its parts alone.</summary>
[Collection("real time")]
public sealed class Hcsr04Tests
{
    private static readonly Hcsr04Module[] FiveModules =
    [
        new("right", 5, 6, 0.10, -0.12, -90),
        new("front-right", 13, 19, 0.15, -0.06, -45),
        new("front", 16, 20, 0.17, 0.00, 0),
        new("front-left", 21, 26, 0.15, 0.06, 45),
        new("left", 23, 24, 0.10, 0.12, 90),
    ];

    [Fact]
    public void Ranges_come_within_1_cm_of_the_simulated_distance()
    {
        double[] distances = [0.35, 0.80, 1.20, 2.47, 3.10];
        using var gpio = new SimulatedSonarGpio(FiveModules);
        for (var i = 0; i < distances.Length; i++)
        {
            gpio.SetRange(i, distances[i]);
        }

        using var array = Start(gpio, gpio.KernelEdges, PingSchedule.NonAdjacentGroups(5, TimeSpan.FromMilliseconds(30)));
        var readings = WaitFor(array, r => r.All(x => x.Status == EchoStatus.Range));
        for (var i = 0; i < distances.Length; i++)
        {
            Assert.Equal(EchoStatus.Range, readings[i].Status);
            Assert.True(Math.Abs(readings[i].Range - distances[i]) < 0.01, $"{FiveModules[i].Name}: {readings[i].Range:0.0000} m for {distances[i]} m");
        }

        var contract = new SonarReading[5];
        array.Read(contract);
        Assert.All(contract, r => Assert.True(r.Echo));
    }

    [Fact]
    public void A_silent_module_is_flagged_missing_and_does_not_stall_the_others()
    {
        using var gpio = new SimulatedSonarGpio(FiveModules);
        for (var i = 0; i < 5; i++)
        {
            gpio.SetRange(i, 1.0);
        }

        gpio.SetSilent(2, true);
        gpio.SetRange(4, null); // nothing within 4 m: the module holds its echo about 38 ms
        using var array = Start(gpio, gpio.KernelEdges, PingSchedule.RoundRobin(5, TimeSpan.FromMilliseconds(30)));
        var readings = WaitForAll(array);

        Assert.Equal(EchoStatus.Missing, readings[2].Status);
        Assert.Equal(EchoStatus.OutOfRange, readings[4].Status);
        Assert.Equal(EchoStatus.Range, readings[0].Status);
        var contract = new SonarReading[5];
        array.Read(contract);
        Assert.Equal((Hcsr04Module.MaxRange, false), (contract[2].Range, contract[2].Echo));
        Assert.Equal((Hcsr04Module.MaxRange, false), (contract[4].Range, contract[4].Echo));
        Assert.All(contract, r => Assert.InRange(r.Age, 0, 1)); // every module pinged: aged from its last slot

        // The others keep updating while module 2 stays silent.
        var before = readings[0].Stamp;
        var later = new Hcsr04Reading[5];
        var deadline = DateTime.UtcNow.AddSeconds(3);
        do
        {
            Thread.Sleep(50);
            array.ReadDetailed(later);
        }
        while (later[0].Stamp <= before && DateTime.UtcNow < deadline);

        Assert.True(later[0].Stamp > before, "module 0 stopped updating");
        Assert.Equal(EchoStatus.Missing, later[2].Status);
    }

    [Fact]
    public void The_schedule_never_fires_neighbours_together_and_keeps_60_ms_per_module()
    {
        using var gpio = new SimulatedSonarGpio(FiveModules);
        var schedule = PingSchedule.NonAdjacentGroups(5, TimeSpan.FromMilliseconds(25));
        using (Start(gpio, gpio.KernelEdges, schedule))
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (gpio.Triggers.Count < 20 && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }

        var triggers = gpio.Triggers;
        Assert.True(triggers.Count >= 20, $"{triggers.Count} pings");
        var together = TimeSpan.FromMilliseconds(5);
        for (var a = 0; a < triggers.Count; a++)
        {
            for (var b = a + 1; b < triggers.Count; b++)
            {
                var apart = Stopwatch.GetElapsedTime(Math.Min(triggers[a].Stamp, triggers[b].Stamp), Math.Max(triggers[a].Stamp, triggers[b].Stamp));
                if (apart < together)
                {
                    Assert.NotEqual(1, Math.Abs(triggers[a].Module - triggers[b].Module));
                }

                if (triggers[a].Module == triggers[b].Module)
                {
                    Assert.True(apart >= PingSchedule.MinimumSensorCycle, $"module {triggers[a].Module} pinged again after {apart.TotalMilliseconds:0.0} ms");
                }
            }
        }
    }

    [Fact]
    public void Ranges_keep_coming_past_the_first_seconds()
    {
        // The slot was once timed from before the wait for the modules' 60 ms, and the wait's margin ate the
        // listening window half a millisecond a cycle: after 3.6 s every module read missing or out of range.
        using var gpio = new SimulatedSonarGpio(FiveModules);
        for (var i = 0; i < 5; i++)
        {
            gpio.SetRange(i, 0.5 + 0.5 * i);
        }

        using var array = Start(gpio, gpio.KernelEdges, PingSchedule.NonAdjacentGroups(5, TimeSpan.FromMilliseconds(30)));
        var readings = new Hcsr04Reading[5];
        var clock = Stopwatch.StartNew();
        var late = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(6))
        {
            Thread.Sleep(250);
            array.ReadDetailed(readings);
            late += clock.Elapsed > TimeSpan.FromSeconds(0.5) && readings.Any(r => r.Status != EchoStatus.Range) ? 1 : 0;
        }

        // The bug made nearly every sample after 3.6 s bad (19 of 22); a descheduled driver thread on a busy
        // machine can still cost one slot now and then, as it would on a Pi.
        Assert.InRange(late, 0, 2);
        Assert.All(readings, r => Assert.InRange(r.Age(Stopwatch.GetTimestamp()).TotalMilliseconds, 0, 250));
    }

    [Fact]
    public void The_portable_callback_source_also_measures_ranges()
    {
        using var gpio = new SimulatedSonarGpio(FiveModules);
        for (var i = 0; i < 5; i++)
        {
            gpio.SetRange(i, 1.5);
        }

        using var controller = new GpioController(gpio);
        using var edges = new GpioCallbackEdgeSource(controller, FiveModules.Select(m => m.EchoPin).ToArray());
        using var array = new Hcsr04Array(new Hcsr04Settings(FiveModules, PingSchedule.NonAdjacentGroups(5, TimeSpan.FromMilliseconds(30))), controller, edges);
        array.Start();

        // Stamped on delivery, so the error is whatever the delivery delay was: a status check, not an accuracy
        // one; and an edge delivered after its slot on a loaded machine reads as missing, so wait for a full set.
        var readings = WaitFor(array, r => r.All(x => x.Status == EchoStatus.Range));
        Assert.All(readings, r => Assert.Equal(EchoStatus.Range, r.Status));
    }

    [Theory]
    [InlineData(new[] { 0, 1 }, "neighbours")]
    [InlineData(new[] { 0, 2 }, "sensor 1 fires 0 times")]
    public void Bad_schedules_are_refused_with_the_reason(int[] slot, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => PingSchedule.Create([slot, [3]], 4, TimeSpan.FromMilliseconds(30)));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Non_adjacent_groups_pad_the_cycle_to_60_ms_per_module()
    {
        var schedule = PingSchedule.NonAdjacentGroups(3, TimeSpan.FromMilliseconds(25));
        Assert.Equal([[0, 2], [1]], schedule.Slots);
        Assert.Equal(TimeSpan.FromMilliseconds(60), schedule.Cycle);
        Assert.Equal(3, PingSchedule.NonAdjacentGroups(5, TimeSpan.FromMilliseconds(25), closedRing: true).Slots.Count);
    }

    [Fact]
    public void The_decoder_measures_width_ignores_stale_edges_and_rejects_short_pulses()
    {
        var decoder = new EchoDecoder(343, 4);
        var t0 = 1_000_000_000L;
        decoder.Arm(t0);
        decoder.OnEdge(new EchoEdge(6, false, t0 - 10)); // tail of an older ping
        decoder.OnEdge(new EchoEdge(6, true, t0 + Ticks(450e-6)));
        decoder.OnEdge(new EchoEdge(6, false, t0 + Ticks(450e-6 + 2 * 1.0 / 343)));
        var (status, range) = decoder.Finish();
        Assert.Equal(EchoStatus.Range, status);
        Assert.Equal(1.0, range, 4);

        decoder.Arm(t0);
        decoder.OnEdge(new EchoEdge(6, true, t0 + 100));
        decoder.OnEdge(new EchoEdge(6, false, t0 + 100 + Ticks(50e-6)));
        Assert.Equal(EchoStatus.TooClose, decoder.Finish().Status);

        decoder.Arm(t0);
        decoder.OnEdge(new EchoEdge(6, true, t0 + 100));
        Assert.Equal((EchoStatus.OutOfRange, 4.0), decoder.Finish());
    }

    [Fact]
    public void The_gpio_v2_request_and_event_records_have_the_kernel_layout()
    {
        var request = new byte[GpioV2.LineRequestSize];
        GpioV2.WriteEdgeRequest(request, [6, 19, 20], "hpnna-sonar", 64);
        Assert.Equal(19u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(4)));
        Assert.Equal("hpnna-sonar", System.Text.Encoding.ASCII.GetString(request, 256, 11));
        Assert.Equal(0x34ul, BinaryPrimitives.ReadUInt64LittleEndian(request.AsSpan(288)));
        Assert.Equal(3u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(560)));
        Assert.Equal(64u, BinaryPrimitives.ReadUInt32LittleEndian(request.AsSpan(564)));

        var record = new byte[GpioV2.EventSize];
        BinaryPrimitives.WriteUInt64LittleEndian(record, 5_000_000_000UL);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), 2);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), 19);
        Assert.True(GpioV2.TryDecodeEvent(record, out var edge));
        Assert.Equal(new EchoEdge(19, false, (long)(5.0 * Stopwatch.Frequency)), edge);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), 7);
        Assert.False(GpioV2.TryDecodeEvent(record, out _));
    }

    [Fact]
    public void Bad_settings_name_every_problem()
    {
        Hcsr04Module[] modules = [new("a", 5, 6, 0, 0, 0), new("b", 6, 7, double.NaN, 0, 0)];
        var error = Assert.Throws<ArgumentException>(() => new Hcsr04Settings(modules, PingSchedule.RoundRobin(3, TimeSpan.FromMilliseconds(30))).Validate());
        Assert.Contains("trigger pin 6 is already used", error.Message);
        Assert.Contains("pose must be finite", error.Message);
        Assert.Contains("fires 3 sensors but 2 are configured", error.Message);
    }

    private static Hcsr04Array Start(SimulatedSonarGpio gpio, IEchoEdgeSource edges, PingSchedule schedule)
    {
        var array = new Hcsr04Array(new Hcsr04Settings(FiveModules, schedule), new GpioController(gpio), edges);
        array.Start();
        return array;
    }

    /// <summary>Polls the published readings until <paramref name="done"/> holds (or 10 s pass) and returns them.</summary>
    private static Hcsr04Reading[] WaitFor(Hcsr04Array array, Func<Hcsr04Reading[], bool> done)
    {
        var readings = new Hcsr04Reading[5];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            Thread.Sleep(50);
            array.ReadDetailed(readings);
        }
        while (!done(readings) && DateTime.UtcNow < deadline);

        return readings;
    }

    private static Hcsr04Reading[] WaitForAll(Hcsr04Array array)
    {
        var readings = new Hcsr04Reading[5];
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        do
        {
            Thread.Sleep(50);
            array.ReadDetailed(readings);
        }
        while (readings.Any(r => r.Status == EchoStatus.None) && DateTime.UtcNow < deadline);

        // One more full cycle so every module has a reading taken after all others started.
        Thread.Sleep(200);
        array.ReadDetailed(readings);
        return readings;
    }

    private static long Ticks(double seconds) => (long)(seconds * Stopwatch.Frequency);
}
