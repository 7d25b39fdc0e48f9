using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Simulation.Tests;

public sealed class SonarGeometryTests
{
    private static readonly double Half = Hcsr04Sensor.ConeHalfAngle;

    private static double Range(Segment wall, double heading = 0, double maxRange = 5) =>
        ConeRange.Nearest(new Vec2(0, 0), heading, Half, [wall], maxRange);

    [Fact]
    public void A_perpendicular_wall_reads_its_distance()
    {
        Assert.Equal(2.0, Range(new Segment(new Vec2(2, -1), new Vec2(2, 1))), 1e-12);
    }

    [Fact]
    public void A_wall_at_an_angle_reads_the_nearest_point_inside_the_cone()
    {
        // The line x + y = 2 (45 degrees): its foot (1, 1) is at 45 degrees, outside a 7.5 degree half-cone,
        // so the nearest point in the cone is where the upper cone edge meets the wall.
        var wall = new Segment(new Vec2(0, 2), new Vec2(2, 0));
        var expected = 2 / (Math.Cos(Half) + Math.Sin(Half));

        Assert.Equal(expected, Range(wall), 1e-12);
    }

    [Fact]
    public void A_wall_straight_on_at_an_angle_reads_its_foot_when_the_foot_is_inside()
    {
        // Same wall, sensor pointing at the foot (45 degrees): distance sqrt(2).
        Assert.Equal(Math.Sqrt(2), Range(new Segment(new Vec2(0, 2), new Vec2(2, 0)), Math.PI / 4), 1e-12);
    }

    [Fact]
    public void Out_of_range_and_behind_read_as_no_wall()
    {
        Assert.Equal(double.PositiveInfinity, Range(new Segment(new Vec2(6, -1), new Vec2(6, 1))));
        Assert.Equal(double.PositiveInfinity, Range(new Segment(new Vec2(-2, -1), new Vec2(-2, 1))));
    }

    [Fact]
    public void Cone_edges_decide_whether_a_short_wall_is_seen()
    {
        // A short wall at x = 2 spanning y in [0.25, 1]: the cone edge at 7.5 degrees meets x = 2 at y = 0.2633.
        var edgeY = 2 * Math.Tan(Half);
        var justOutside = new Segment(new Vec2(2, edgeY + 0.01), new Vec2(2, 1));
        var justInside = new Segment(new Vec2(2, edgeY - 0.01), new Vec2(2, 1));

        Assert.Equal(double.PositiveInfinity, Range(justOutside));
        Assert.Equal(new Vec2(2, edgeY - 0.01).Length, Range(justInside), 1e-12);
    }

    [Fact]
    public void The_model_reports_max_range_without_echo_and_clamps_to_min_range()
    {
        var model = new SonarModel([Hcsr04Sensor.Spec("front", 0, 0, 0)], SonarNoise.None);
        var readings = new SonarReading[1];
        Segment[] far = [new Segment(new Vec2(4.5, -1), new Vec2(4.5, 1))];
        Segment[] close = [new Segment(new Vec2(0.01, -1), new Vec2(0.01, 1))];

        model.Scan(far, new Pose2D(0, 0, 0), new Random(1), readings);
        Assert.Equal(new SonarReading(4.0, Echo: false), readings[0]);
        model.Scan(close, new Pose2D(0, 0, 0), new Random(1), readings);
        Assert.Equal(new SonarReading(0.02, Echo: true), readings[0]);
    }

    [Fact]
    public void Sensor_poses_are_applied_in_the_robot_frame()
    {
        // A sensor 0.1 m left of centre looking left, robot facing +y: it looks along -x from (-0.1, 0).
        var model = new SonarModel([Hcsr04Sensor.Spec("left", 0, 0.1, 90)], SonarNoise.None);
        var readings = new SonarReading[1];

        model.Scan([new Segment(new Vec2(-1.1, -1), new Vec2(-1.1, 1))], new Pose2D(0, 0, Math.PI / 2), new Random(1), readings);

        Assert.Equal(1.0, readings[0].Range, 1e-12);
    }

    [Fact]
    public void Noise_and_dropouts_are_seeded()
    {
        var model = new SonarModel(SonarLayouts.PioneerFrontRing.Sensors, new SonarNoise(RangeSigma: 0.02, DropoutProbability: 0.1));
        Segment[] box = [new(new Vec2(-2, -2), new Vec2(2, -2)), new(new Vec2(2, -2), new Vec2(2, 2)), new(new Vec2(2, 2), new Vec2(-2, 2)), new(new Vec2(-2, 2), new Vec2(-2, -2))];

        SonarReading[] Scan(int seed)
        {
            var random = new Random(seed);
            var all = new List<SonarReading>();
            var readings = new SonarReading[8];
            for (var i = 0; i < 200; i++)
            {
                model.Scan(box, new Pose2D(0.3, -0.2, i * 0.1), random, readings);
                all.AddRange(readings);
            }

            return [.. all];
        }

        var first = Scan(7);
        Assert.Equal(first, Scan(7));
        Assert.NotEqual(first, Scan(8));
        Assert.InRange(first.Count(r => !r.Echo) / (double)first.Length, 0.06, 0.14);
    }
}
