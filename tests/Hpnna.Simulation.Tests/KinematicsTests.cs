using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Robots;

namespace Hpnna.Simulation.Tests;

public sealed class KinematicsTests
{
    /// <summary>A model with limits far beyond the commands, so motion is the ideal unicycle's.</summary>
    private static readonly PioneerModel Unlimited = PioneerModel.P3Dx with { MaxLinear = 100, MaxAngular = 100, LinearAcceleration = 1e9, AngularAcceleration = 1e9 };

    [Fact]
    public void Straight_line_covers_v_times_t_along_the_heading()
    {
        var drive = new DifferentialDrive(Unlimited, new Pose2D(1, 2, Math.PI / 6));

        for (var i = 0; i < 100; i++)
        {
            drive.Step(new DriveCommand(0.4, 0), 0.01);
        }

        Assert.Equal(1 + 0.4 * Math.Cos(Math.PI / 6), drive.Pose.X, 1e-12);
        Assert.Equal(2 + 0.4 * Math.Sin(Math.PI / 6), drive.Pose.Y, 1e-12);
        Assert.Equal(Math.PI / 6, drive.Pose.Heading, 1e-12);
    }

    [Fact]
    public void Speeding_up_follows_the_acceleration_limit_and_slowing_down_the_deceleration_limit()
    {
        var drive = new DifferentialDrive(PioneerModel.P3Dx, new Pose2D(0, 0, 0))
        {
            Limits = new AccelerationLimits(0.2, 0.4, 0.5, 1.0),
        };

        drive.Step(new DriveCommand(0.7, 1.5), 1.0);
        Assert.Equal((0.2, 0.5), (drive.Linear, drive.Angular));
        drive.Step(new DriveCommand(0, -1.5), 0.25);
        Assert.Equal(0.1, drive.Linear, 1e-15);
        Assert.Equal(0.25, drive.Angular, 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => drive.Limits = new AccelerationLimits(0.2, 0.4, 0.5, 5.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => drive.Limits = new AccelerationLimits(0, 0.4, 0.5, 1.0));
    }

    [Theory]
    [InlineData(0.5, 0.25)]
    [InlineData(0.3, -0.6)]
    public void Constant_v_and_omega_trace_a_circle_of_radius_v_over_omega(double v, double omega)
    {
        var drive = new DifferentialDrive(Unlimited, new Pose2D(0, 0, 0));
        var radius = v / omega;
        var centre = (X: 0.0, Y: radius); // left of the heading for omega > 0
        var period = 2 * Math.PI / Math.Abs(omega);
        var steps = 1000;

        for (var i = 1; i <= steps; i++)
        {
            drive.Step(new DriveCommand(v, omega), period / steps);
            var distance = Math.Sqrt((drive.Pose.X - centre.X) * (drive.Pose.X - centre.X) + (drive.Pose.Y - centre.Y) * (drive.Pose.Y - centre.Y));
            Assert.Equal(Math.Abs(radius), distance, 1e-9);
        }

        Assert.Equal(0, drive.Pose.X, 1e-9);
        Assert.Equal(0, drive.Pose.Y, 1e-9);
    }

    [Fact]
    public void Acceleration_limits_and_speed_caps_shape_the_velocity()
    {
        var model = PioneerModel.P3Dx;
        var drive = new DifferentialDrive(model, new Pose2D(0, 0, 0));

        drive.Step(new DriveCommand(5.0, 0), 0.1);
        Assert.Equal(model.LinearAcceleration * 0.1, drive.Linear, 1e-12);

        for (var i = 0; i < 100; i++)
        {
            drive.Step(new DriveCommand(5.0, -9.0), 0.1);
        }

        Assert.Equal(model.MaxLinear, drive.Linear, 1e-12);
        Assert.Equal(-model.MaxAngular, drive.Angular, 1e-12);
    }
}
