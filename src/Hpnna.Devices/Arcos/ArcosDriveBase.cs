using Hpnna.Robot.Contracts;

namespace Hpnna.Devices.Arcos;

/// <summary>The Pioneer base behind <see cref="IDriveBase"/>: setpoints go to the client's I/O thread, odometry comes from its latest snapshot. Neither call blocks.</summary>
public sealed class ArcosDriveBase(ArcosClient client) : IDriveBase
{
    public void Write(in DriveCommand command) => client.SetVelocity(command);

    public void Stop() => client.SetVelocity(DriveCommand.Stop);

    public Odometry ReadOdometry() => client.ReadState().Odometry;

    /// <summary>Connected, and the last SIP is fresh (<see cref="ArcosClientOptions.StaleAfter"/>).</summary>
    public bool IsReady => client.ReadState().IsFresh(client.Options.StaleAfter);
}
