using Hpnna.Common.Links;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Arcos;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;
using Hpnna.Simulation.Worlds;

namespace Hpnna.Devices.Tests;

/// <summary>
/// The project's ARCOS robot emulator serving one link on its own thread, in a 10 m x 10 m walled room with
/// the robot at its centre facing +x (the east wall 5 m ahead).
/// </summary>
internal sealed class EmulatedRobot : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    public EmulatedRobot(IByteLink link, EmulatorSettings? settings = null)
    {
        Robot = new SimulatedRobot(Room(), PioneerModel.P3Dx, PioneerSonarRing.Front, SonarNoise.None, 0, seed: 1);
        Emulator = new ArcosRobotEmulator(Robot, settings);
        Link = link;
        _thread = new Thread(Serve) { IsBackground = true, Name = "emulated robot" };
        _thread.Start();
    }

    public SimulatedRobot Robot { get; }

    public ArcosRobotEmulator Emulator { get; }

    public IByteLink Link { get; }

    public EmulatorStatus Status => Emulator.Status;

    /// <summary>Why serving ended, if the link was lost.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Waits (polling the status) until <paramref name="condition"/> holds; false after <paramref name="timeout"/>.</summary>
    public bool WaitUntil(Func<EmulatorStatus, bool> condition, TimeSpan timeout) => Poll.Until(() => condition(Status), timeout);

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join(TimeSpan.FromSeconds(2));
    }

    private void Serve()
    {
        try
        {
            Emulator.Serve(Link, _stop.Token);
        }
        catch (LinkLostException e)
        {
            Failure = e;
        }
    }

    /// <summary>The 10 m x 10 m walled room, the robot's start at its centre facing +x.</summary>
    internal static World Room()
    {
        Vec2[] corners = [new(-5, -5), new(5, -5), new(5, 5), new(-5, 5)];
        var walls = new Segment[4];
        for (var i = 0; i < 4; i++)
        {
            walls[i] = new Segment(corners[i], corners[(i + 1) % 4]);
        }

        return World.Create(walls, new Pose2D(0, 0, 0), [], PioneerModel.P3Dx.Radius, "test room");
    }
}
