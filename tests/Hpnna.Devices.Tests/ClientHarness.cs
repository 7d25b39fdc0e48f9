using Hpnna.Common.Links;
using Hpnna.Devices.Arcos;
using Hpnna.Robot.Contracts;

namespace Hpnna.Devices.Tests;

/// <summary>Helpers for driving a client in tests: waiting on its state, driving a distance or a turn by odometry.</summary>
internal static class ClientHarness
{
    public static ArcosClient Start(Func<IByteLink> open, TimeSpan? sipTimeout = null)
    {
        var client = new ArcosClient(new ArcosClientOptions
        {
            OpenLink = open,
            SipTimeout = sipTimeout ?? TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
        });
        client.Start();
        return client;
    }

    public static bool WaitUntil(ArcosClient client, Func<RobotState, bool> condition, TimeSpan timeout) => Poll.Until(() => condition(client.ReadState()), timeout);

    /// <summary>
    /// Drives straight by <paramref name="metres"/> on odometry, slowing in proportion to what is left (the base
    /// decelerates at 0.5 m/s^2, so a stop at full speed would overshoot by 15 cm), then waits for standstill.
    /// </summary>
    public static void DriveStraight(ArcosClient client, double metres, double speed)
    {
        var start = client.ReadState().Pose;
        Approach(client, () => metres - client.ReadState().Pose.DistanceTo(start), left => new DriveCommand(Math.Clamp(1.5 * left, 0.03, speed), 0), 0.005);
    }

    /// <summary>Turns left by <paramref name="radians"/> on odometry, slowing as it nears the goal, then waits for standstill.</summary>
    public static void TurnLeft(ArcosClient client, double radians, double rate)
    {
        var start = client.ReadState().Pose.Heading;
        Approach(client, () => radians - Turned(start, client.ReadState().Pose.Heading), left => new DriveCommand(0, Math.Clamp(1.5 * left, 0.05, rate)), 0.01);
    }

    private static void Approach(ArcosClient client, Func<double> remaining, Func<double, DriveCommand> command, double tolerance)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        double left;
        while ((left = remaining()) > tolerance)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the robot did not get there ({left:0.###} left)");
            client.SetVelocity(command(left));
            Thread.Sleep(20);
        }

        client.SetVelocity(DriveCommand.Stop);
        Assert.True(WaitUntil(client, s => Math.Abs(s.Linear) < 1e-3 && Math.Abs(s.Angular) < 1e-3, TimeSpan.FromSeconds(5)), "the robot did not stop");
    }

    private static double Turned(double from, double to)
    {
        var d = Pose2D.WrapAngle(to - from);
        return d < -0.5 ? d + 2 * Math.PI : d;
    }
}
