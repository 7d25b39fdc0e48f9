using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;

namespace Hpnna.Devices.Arcos;

/// <summary>
/// The base's own front sonar ring (discs 0-7) read from SIPs, behind <see cref="ISonarArray"/>: a Pioneer
/// with its sonars needs no GPIO sonars. A disc that has not reported yet, or reports the 5 m "nothing seen",
/// reads as max range without echo.
/// </summary>
public sealed class ArcosSonarRing(ArcosClient client) : ISonarArray
{
    public IReadOnlyList<SonarSpec> Sensors => PioneerSonarRing.Front;

    public void Read(Span<SonarReading> destination)
    {
        var ranges = client.ReadState().SonarRanges;
        for (var i = 0; i < Sensors.Count && i < destination.Length; i++)
        {
            var range = ranges[i];
            var max = Sensors[i].MaxRange;
            destination[i] = double.IsNaN(range) || range >= max - 1e-3
                ? new SonarReading(max, false)
                : new SonarReading(range, true);
        }
    }
}
