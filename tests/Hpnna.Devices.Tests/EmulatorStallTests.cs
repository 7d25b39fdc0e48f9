using Hpnna.Devices.Arcos;
using Hpnna.Devices.Links;
using Hpnna.Robot.Contracts;
using Hpnna.Simulation.Arcos;

namespace Hpnna.Devices.Tests;

/// <summary>An emulator whose own serving loop stalls: it pauses the robot's world only when told to.</summary>
[Collection("real time")]
public sealed class EmulatorStallTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stalled_serving_loop_pauses_the_world_when_told_and_catches_up_otherwise(bool pause)
    {
        using var pty = PseudoTerminal.Open();
        using var robot = new EmulatedRobot(pty.Master, new EmulatorSettings(PauseOverStalls: pause ? TimeSpan.FromMilliseconds(100) : null));
        var jumped = new TaskCompletionSource<double>();
        double? before = null;
        robot.Emulator.AfterStep = (_, body, _) =>
        {
            if (before is { } x)
            {
                jumped.TrySetResult(body.Pose.X - x);
            }
            else if (body.Odometry.Linear > 0.29)
            {
                // The serving thread itself stops for 400 ms, as a descheduled process would.
                before = body.Pose.X;
                Thread.Sleep(400);
            }
        };

        using var client = new ArcosClient(new ArcosClientOptions { OpenLink = () => TermiosSerialLink.Open(pty.SlavePath) });
        client.Start();
        Assert.True(ClientHarness.WaitUntil(client, s => s.Link == LinkState.Connected && s.MotorsEnabled, TimeSpan.FromSeconds(5)));
        client.SetVelocity(new DriveCommand(0.3, 0));
        // Paused: one 10 ms step across the gap (3 mm at 0.3 m/s). Caught up: the whole 400 ms (12 cm).
        var jump = await jumped.Task.WaitAsync(TimeSpan.FromSeconds(8));
        if (pause)
        {
            Assert.InRange(jump, 0, 0.02);
            Assert.True(robot.WaitUntil(s => s.Stalls >= 1, TimeSpan.FromSeconds(1)), $"stalls: {robot.Status.Stalls}");
            Assert.InRange(robot.Status.LongestStall, 0.3, 1.0);
        }
        else
        {
            Assert.InRange(jump, 0.1, 0.3);
            Assert.Equal(0, robot.Status.Stalls);
        }
    }
}
