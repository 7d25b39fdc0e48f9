using Hpnna.Robot.Contracts;

namespace Hpnna.Devices.Arcos;

/// <summary>The Pioneer base behind <see cref="IDriveBase"/>: setpoints go to the client's I/O thread, odometry comes from its latest snapshot. Neither call blocks.</summary>
public sealed class ArcosDriveBase(ArcosClient client) : IDriveBase
{
    public void Write(in DriveCommand command) => client.SetVelocity(command);

    public void Stop() => client.SetVelocity(DriveCommand.Stop);

    public Odometry ReadOdometry() => client.ReadState().Odometry;

    public bool IsReady => client.ReadState().IsCurrent;
}
