using Hpnna.Core.Interpreters;
using Hpnna.Robot.Control;

namespace Hpnna.Robot.Tests;

public sealed class JunctionTriggerTests
{
    private const double Period = 0.05;

    /// <summary>L1's angular activity for a turn rate in rad/s at the default 1 rad/s maximum.</summary>
    private static MotorOutput Turning(double radiansPerSecond) => new(0.9, 0.5 + 0.5 * radiansPerSecond);

    private static JunctionTrigger Create() => ControllerDefaults.Trigger(Period);

    [Fact]
    public void Corridor_corrections_below_the_threshold_never_fire()
    {
        // Up to 0.45 rad/s: the swing back after a junction turn, measured over the ARCOS link.
        var trigger = Create();
        for (var t = 0; t < 400; t++)
        {
            Assert.Equal(0.0, trigger.Update(Turning(0.45 * Math.Sin(t * 0.2))));
        }
    }

    [Fact]
    public void A_pulse_lasts_until_seventy_degrees_are_turned_however_slowly()
    {
        foreach (var rate in new[] { -0.55, 0.7, -0.9 })
        {
            var trigger = Create();
            var ticks = 0;
            while (trigger.Update(Turning(rate)) == 1.0)
            {
                ticks++;
            }

            // 70 degrees at |rate| rad/s, within a tick.
            var expected = 70 * Math.PI / 180 / Math.Abs(rate) / Period;
            Assert.InRange(ticks, expected - 1, expected + 1);
        }
    }

    [Fact]
    public void A_turn_made_in_two_parts_is_one_pulse()
    {
        var trigger = Create();
        var pulses = 0;
        var last = 0.0;
        // 1 s at 0.6 rad/s, 0.5 s straight, then 2 s at 0.6 rad/s: 103 degrees in all, one junction.
        var rates = Enumerable.Repeat(-0.6, 20).Concat(Enumerable.Repeat(0.0, 10)).Concat(Enumerable.Repeat(-0.6, 40)).Concat(Enumerable.Repeat(0.0, 40));
        foreach (var rate in rates)
        {
            var value = trigger.Update(Turning(rate));
            pulses += value == 1.0 && last == 0.0 ? 1 : 0;
            last = value;
        }

        Assert.Equal(1, pulses);
    }

    [Fact]
    public void A_pulse_ends_when_the_turn_stops_and_a_new_one_needs_a_new_turn()
    {
        var trigger = Create();
        // 0.5 s at 0.6 rad/s (17 degrees), then straight: the pulse ends after 1.5 s quiet.
        var high = 0;
        for (var t = 0; t < 10; t++)
        {
            high += (int)trigger.Update(Turning(0.6));
        }

        for (var t = 0; t < 100; t++)
        {
            high += (int)trigger.Update(Turning(0.0));
        }

        Assert.Equal(10 + 30, high);

        // A turn that never stops ends its pulse at 70 degrees and fires no second one until it stops.
        trigger.Reset();
        var values = Enumerable.Range(0, 200).Select(_ => trigger.Update(Turning(0.8))).ToArray();
        Assert.Equal(1.0, values[0]);
        Assert.Equal(0.0, values[^1]);
        Assert.DoesNotContain(values.Zip(values.Skip(1)), pair => pair.First == 0.0 && pair.Second == 1.0);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Bad_settings_are_refused(double threshold) =>
        Assert.Throws<ArgumentException>(() => new JunctionTrigger(threshold, 1.2, 1.5, 8, 1, Period));
}
