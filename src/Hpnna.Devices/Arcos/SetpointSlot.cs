using Hpnna.Robot.Contracts;

namespace Hpnna.Devices.Arcos;

/// <summary>One motion request from the control thread, numbered so that requests from before a link loss can be told apart.</summary>
internal sealed class SetpointSlot
{
    public DriveCommand Command;
    public long Sequence;
}
