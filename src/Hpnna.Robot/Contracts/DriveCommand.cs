namespace Hpnna.Robot.Contracts;

/// <summary>A velocity setpoint for a differential-drive base: linear m/s (forward positive), angular rad/s (counter-clockwise positive).</summary>
public readonly record struct DriveCommand(double Linear, double Angular)
{
    public static DriveCommand Stop => default;
}
