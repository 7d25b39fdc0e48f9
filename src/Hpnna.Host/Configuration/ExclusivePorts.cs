using Hpnna.Devices.Links;

namespace Hpnna.Host.Configuration;

/// <summary>
/// The serial ports the settings name, checked at start for another process holding them (the links lock
/// their ports exclusively): a second service on the robot's port would fight over the robot, on the command
/// link's it would answer half the operator's lines. A port that is missing is no reason to refuse the start:
/// the service keeps trying it, as it does after a link loss.
/// </summary>
internal static class ExclusivePorts
{
    public static IReadOnlyList<string> Problems(ControllerSettings settings)
    {
        var ports = new List<(string Key, string Path, int Baud)>();
        if (settings.Backend != BackendKind.Simulator && settings.Hardware.Port.Length > 0 && settings.Hardware.Transport == "termios")
        {
            ports.Add(("Hardware:Port", settings.Hardware.Port, settings.Hardware.Baud));
        }

        if (settings.CommandLink.Serial.Length > 0)
        {
            ports.Add(("CommandLink:Serial", settings.CommandLink.Serial, settings.CommandLink.Baud));
        }

        var problems = new List<string>();
        foreach (var (key, path, baud) in ports)
        {
            try
            {
                using var probe = TermiosSerialLink.Open(path, baud);
            }
            catch (IOException e) when (e.Message.Contains("in use", StringComparison.Ordinal))
            {
                problems.Add($"Hpnna:{key}: {e.Message}");
            }
            catch (IOException)
            {
                // Missing or not ready yet: the link keeps trying.
            }
        }

        return problems;
    }
}
