using Hpnna.Core.Interpreters;
using Hpnna.Robot.Control;

namespace Hpnna.Robot.Tests;

public sealed class JunctionTriggerTests
{
    private const double Period = 0.05;

    /// <summary>Ticks of one pulse at the default length.</summary>
    private static readonly int PulseTicks = (int)Math.Round(ControllerDefaults.PulseSeconds / Period);

    /// <summary>L1's angular activity for a turn rate in rad/s at the default 1 rad/s maximum.</summary>
    private static MotorOutput Turning(double radiansPerSecond) => new(0.9, 0.5 + 0.5 * radiansPerSecond);

    private static JunctionTrigger Create() => ControllerDefaults.Trigger(Period);

    /// <summary>Feeds the rates in turn: the pulse, and whether a turn was on, at every tick.</summary>
    private static (double[] Pulse, bool[] Turning) Run(JunctionTrigger trigger, IEnumerable<double> rates)
    {
        var pulse = new List<double>();
        var turning = new List<bool>();
        foreach (var rate in rates)
        {
            pulse.Add(trigger.Update(Turning(rate)));
            turning.Add(trigger.Turning);
        }

        return ([.. pulse], [.. turning]);
    }

    private static int Starts(double[] pulse) => pulse.Select((v, i) => v == 1.0 && (i == 0 || pulse[i - 1] == 0.0)).Count(s => s);

    [Fact]
    public void Corridor_corrections_below_the_threshold_never_fire()
    {
        // Up to 0.45 rad/s: the swing back after a junction turn, measured over the ARCOS link.
        var (pulse, turning) = Run(Create(), Enumerable.Range(0, 400).Select(t => 0.45 * Math.Sin(t * 0.2)));

        Assert.All(pulse, v => Assert.Equal(0.0, v));
        Assert.DoesNotContain(true, turning);
    }

    [Fact]
    public void A_turn_begun_is_approaching_until_counted_but_a_swing_just_after_a_turn_is_not()
    {
        var trigger = Create();
        var approaching = new List<bool>();
        var rates = Enumerable.Repeat(0.0, 100) // a corridor
            .Concat(Enumerable.Repeat(0.35, 4))  // L1 begins to turn: above the approach threshold, below the trigger's
            .Concat(Enumerable.Repeat(0.9, 60))  // the junction turn
            .Concat(Enumerable.Repeat(0.0, 10))
            .Concat(Enumerable.Repeat(-0.35, 10)) // the swing into the new corridor, within the settling time
            .Concat(Enumerable.Repeat(0.0, 100));
        foreach (var rate in rates)
        {
            trigger.Update(Turning(rate));
            approaching.Add(trigger.Approaching);
        }

        // The four ticks of the turn begun; neither the counted turn nor the swing after it.
        Assert.Equal(Enumerable.Range(100, 4), approaching.Select((a, t) => (a, t)).Where(x => x.a).Select(x => x.t));
    }

    [Fact]
    public void A_turn_lasts_until_seventy_degrees_are_turned_however_slowly_and_its_pulse_is_always_as_long()
    {
        foreach (var rate in new[] { -0.55, 0.7, -0.9 })
        {
            var (pulse, turning) = Run(Create(), Enumerable.Repeat(rate, 200));

            // 70 degrees at |rate| rad/s, within a tick: from 1.4 s (below the pulse) to 2.2 s.
            var expected = 70 * Math.PI / 180 / Math.Abs(rate) / Period;
            Assert.InRange(turning.TakeWhile(t => t).Count(), expected - 1, expected + 1);
            Assert.Equal(PulseTicks, pulse.TakeWhile(v => v == 1.0).Count());
            Assert.Equal(1, Starts(pulse));
        }
    }

    [Fact]
    public void A_turn_that_falls_short_waits_out_the_quiet_time_but_its_pulse_does_not()
    {
        // 1.8 s at 0.6 rad/s (62 degrees, short of 70), then straight: the turn ends after 1.5 s quiet.
        var (pulse, turning) = Run(Create(), Enumerable.Repeat(0.6, 36).Concat(Enumerable.Repeat(0.0, 100)));

        Assert.Equal(36 + 29, turning.Count(t => t)); // over at the 30th quiet tick
        Assert.Equal(PulseTicks, pulse.Count(v => v == 1.0));
    }

    [Fact]
    public void A_turn_made_in_two_parts_is_one_pulse()
    {
        // 1 s at 0.6 rad/s, 0.5 s straight, then 2 s at 0.6 rad/s: 103 degrees in all, one junction.
        var rates = Enumerable.Repeat(-0.6, 20).Concat(Enumerable.Repeat(0.0, 10)).Concat(Enumerable.Repeat(-0.6, 40)).Concat(Enumerable.Repeat(0.0, 40));
        var (pulse, turning) = Run(Create(), rates);

        Assert.Equal(1, Starts(pulse));
        Assert.True(turning[45]); // the second part is still the same turn, held through
    }

    [Fact]
    public void A_new_pulse_needs_a_new_turn()
    {
        // A turn that never stops ends at 70 degrees and fires no second pulse until it stops.
        var trigger = Create();
        var (pulse, turning) = Run(trigger, Enumerable.Repeat(0.8, 200));
        Assert.Equal(1.0, pulse[0]);
        Assert.Equal(1, Starts(pulse));
        Assert.False(turning[^1]);

        // Once it stops, the next turn is the next junction; Reset forgets a pulse in progress.
        var (next, _) = Run(trigger, Enumerable.Repeat(0.0, 5).Concat(Enumerable.Repeat(0.8, 10)));
        Assert.Equal(1, Starts(next));
        trigger.Reset();
        Assert.Equal(0.0, trigger.Update(Turning(0.0)));
    }

    [Theory]
    [InlineData(0.0, 2.4)]
    [InlineData(1.0, 2.4)]
    [InlineData(0.5, 0.0)]
    public void Bad_settings_are_refused(double threshold, double pulseSeconds) =>
        Assert.Throws<ArgumentException>(() => new JunctionTrigger(threshold, 1.2, 1.5, 8, pulseSeconds, 1, Period, 0.25, 3));
}
