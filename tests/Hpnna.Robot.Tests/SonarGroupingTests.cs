using Hpnna.Core.Interpreters;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Tests;

/// <summary>L1's proximities derived from the sensor layout by heading, and layouts L1 cannot be fed from.</summary>
public sealed class SonarGroupingTests
{
    [Fact]
    public void The_Pioneer_ring_groups_as_its_discs_face()
    {
        var grouping = SonarGrouping.ByHeading(PioneerSonarRing.Front, horizon: 1.0);

        // One disc at a time near a wall: only the group it faces rises.
        AssertNear(Proximities(0, 0.5, 0), grouping.Group(Near(8, 0, 1, 2)));
        AssertNear(Proximities(0, 0, 0.5), grouping.Group(Near(8, 3, 4)));
        AssertNear(Proximities(0.5, 0, 0), grouping.Group(Near(8, 5, 6, 7)));
    }

    [Fact]
    public void Three_HC_SR04_modules_feed_one_proximity_each_and_rear_sensors_feed_none()
    {
        var layout = Layout("hcsr04-4", -90, 0, 90, 180);
        var grouping = SonarGrouping.ByHeading(layout, horizon: 1.0);

        AssertNear(Proximities(0.5, 0, 0), grouping.Group(Near(4, 0)));
        AssertNear(Proximities(0, 0, 0.5), grouping.Group(Near(4, 1)));
        AssertNear(Proximities(0, 0.5, 0), grouping.Group(Near(4, 2)));
        AssertNear(Proximities(0, 0, 0), grouping.Group(Near(4, 3)));
    }

    [Fact]
    public void A_layout_without_a_sensor_for_a_proximity_is_refused_naming_the_layout_and_the_side()
    {
        var noFront = Layout("sides-only", -90, 90);

        var grouping = Assert.Throws<ArgumentException>(() => SonarGrouping.ByHeading(noFront));
        Assert.Contains("'sides-only'", grouping.Message, StringComparison.Ordinal);
        Assert.Contains("no sensor looks front", grouping.Message, StringComparison.Ordinal);

        // The controller refuses it at construction, before anything runs.
        var l1 = InterpreterTopologies.L1();
        var l2 = InterpreterTopologies.L2();
        var controller = Assert.Throws<ArgumentException>(() => HpnnaController.Create(l1, l2, new double[l1.CodeLength], new double[l1.CodeLength], new double[l2.CodeLength], noFront, 0.05));
        Assert.Equal(grouping.Message, controller.Message);
    }

    private static Proximities Proximities(double right, double left, double front) => new(right, left, front);

    private static void AssertNear(Proximities expected, Proximities actual)
    {
        Assert.Equal(expected.Right, actual.Right, 12);
        Assert.Equal(expected.Left, actual.Left, 12);
        Assert.Equal(expected.Front, actual.Front, 12);
    }

    /// <summary>Every sensor at 5 m (nothing within the horizon) but <paramref name="near"/>, each at 0.5 m.</summary>
    private static SonarReading[] Near(int count, params int[] near) =>
        [.. Enumerable.Range(0, count).Select(i => near.Contains(i) ? new SonarReading(0.5, true) : new SonarReading(5, false))];

    private static SensorLayout Layout(string name, params double[] headingsDegrees) =>
        new(name, [.. headingsDegrees.Select((h, i) => new SonarSpec($"m{i}", 0.1, 0, h * Math.PI / 180, 0.02, 4, 7.5 * Math.PI / 180))]);
}
