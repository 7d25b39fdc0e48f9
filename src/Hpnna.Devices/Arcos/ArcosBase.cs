using System.Diagnostics;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Devices.Arcos;

/// <summary>
/// The Pioneer base behind <see cref="IRobotHardware"/>: setpoints go to the client's I/O thread, and each
/// frame is latched from one snapshot of the client's state (one SIP): readiness, odometry and, unless other
/// sonars are given, the base's own front ring (discs 0-7). Neither call blocks or allocates.
/// </summary>
/// <remarks>
/// A disc that has not reported in this session, or reports the 5 m "nothing seen", reads as max range without
/// echo. A disc's age is the time since the SIP that last carried it (a Pioneer reports a few discs per SIP).
/// </remarks>
public sealed class ArcosBase : IRobotHardware
{
    private readonly ArcosClient _client;
    private readonly ISonarArray? _sonars;

    /// <param name="client">The started client.</param>
    /// <param name="sonars">Sonars read instead of the base's ring (HC-SR04 modules on GPIO), or null for the ring.</param>
    public ArcosBase(ArcosClient client, ISonarArray? sonars = null)
    {
        _client = client;
        _sonars = sonars;
        Layout = sonars?.Layout ?? PioneerSonarRing.Front;
    }

    public SensorLayout Layout { get; }

    public void Read(SensorFrame frame)
    {
        var state = _client.ReadState();
        frame.BaseReady = state.IsFresh(_client.Options.StaleAfter);
        frame.Odometry = state.Odometry;
        frame.BaseSample = state.SipCount;
        if (_sonars is not null)
        {
            _sonars.Read(frame.Ranges);
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var ranges = frame.Ranges;
        for (var i = 0; i < ranges.Length; i++)
        {
            var range = state.SonarRanges[i];
            var max = Layout[i].MaxRange;
            var stamp = state.SonarStamps[i];
            var age = stamp == 0 ? double.PositiveInfinity : Stopwatch.GetElapsedTime(stamp, now).TotalSeconds;
            ranges[i] = double.IsNaN(range) || range >= max - 1e-3
                ? new SonarReading(max, false, age)
                : new SonarReading(range, true, age);
        }
    }

    public void Write(in DriveCommand command) => _client.SetVelocity(command);

    public void Stop() => _client.SetVelocity(DriveCommand.Stop);
}
