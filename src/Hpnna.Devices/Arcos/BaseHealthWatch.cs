using Microsoft.Extensions.Logging;

namespace Hpnna.Devices.Arcos;

/// <summary>
/// Turns the base's SIP health fields into log lines an operator can act on: the battery falling below a
/// threshold (and recovering, with a margin so a sagging battery under load does not flood the log), and a
/// wheel stall starting and ending. Runs on the ARCOS I/O thread, once per SIP; it logs transitions only.
/// </summary>
internal sealed class BaseHealthWatch(double lowBatteryVolts, ILogger logger)
{
    /// <summary>How far above the threshold the battery must come back before it counts as recovered.</summary>
    private const double RecoveryMargin = 0.3;

    private bool _batteryLow;
    private bool _stalled;

    public void Observe(RobotState state)
    {
        // A battery reading of 0 means the firmware has not reported one (some subclasses never do).
        if (!_batteryLow && state.Battery > 0 && state.Battery < lowBatteryVolts)
        {
            _batteryLow = true;
            logger.LogWarning("Robot battery low: {Volts:0.0} V (warning below {Threshold:0.0} V); charge or swap it before the base browns out", state.Battery, lowBatteryVolts);
        }
        else if (_batteryLow && state.Battery >= lowBatteryVolts + RecoveryMargin)
        {
            _batteryLow = false;
            logger.LogInformation("Robot battery back to {Volts:0.0} V", state.Battery);
        }

        var stalled = state.LeftStalled || state.RightStalled;
        if (stalled != _stalled)
        {
            _stalled = stalled;
            if (stalled)
            {
                logger.LogWarning("Robot wheel stall: {Side} (the base is pushing against something or a wheel is blocked)", Side(state));
            }
            else
            {
                logger.LogInformation("Robot wheel stall cleared");
            }
        }
    }

    private static string Side(RobotState state) => (state.LeftStalled, state.RightStalled) switch
    {
        (true, true) => "both wheels",
        (true, false) => "left wheel",
        _ => "right wheel",
    };
}
