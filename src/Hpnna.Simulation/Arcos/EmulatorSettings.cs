namespace Hpnna.Simulation.Arcos;

/// <summary>How the emulated robot introduces and paces itself.</summary>
/// <param name="Name">Robot name in the SYNC2 reply.</param>
/// <param name="Subclass">Model in the SYNC2 reply; picks the client's conversion factors (positions here are in mm, as on <c>p3dx-sh</c>).</param>
/// <param name="SipCycle">Time between SIPs once open.</param>
/// <param name="Watchdog">Silence after which the robot stops (real firmware; resumes on traffic).</param>
/// <param name="BaudRate">Paces bytes out at 10 bits each, as a UART would; 0 sends at once (TCP).</param>
/// <param name="AllowBaudSwitch">Report ResetBaud = 2 in CONFIG and obey HOSTBAUD (serial robots whose parameter file allows it).</param>
/// <param name="PauseOverStalls">
/// When set, a serving loop that did not run for longer than this (its process descheduled: a VM stall, a
/// GC pause) pauses the robot's world over the gap instead of moving the robot through it unseen. A real
/// robot keeps sending SIPs while its controller stalls; an emulator that shares a machine with the
/// controller stalls with it, and catching up would drive a robot that told the controller nothing. Null
/// (the default): always catch up, as the robot's own clock would.
/// </param>
/// <param name="PositionBits">The width of the SIP's X and Y: 15 as ARCOS firmware (wrapping at 0x8000), or 16 as some simulators.</param>
public sealed record EmulatorSettings(
    string Name = "HpnnaEmulator",
    string Subclass = "p3dx-sh",
    TimeSpan? SipCycle = null,
    TimeSpan? Watchdog = null,
    int BaudRate = 9600,
    bool AllowBaudSwitch = false,
    TimeSpan? PauseOverStalls = null,
    int PositionBits = 15)
{
    public const string RobotClass = "Pioneer";

    public TimeSpan SipPeriod => SipCycle ?? TimeSpan.FromMilliseconds(100);

    public TimeSpan WatchdogPeriod => Watchdog ?? TimeSpan.FromSeconds(2);

    /// <summary>The watchdog periods a robot is emulated with, in ms: shorter would trip between a healthy client's packets, longer is no real robot's.</summary>
    public const int ShortestWatchdogMilliseconds = 100;

    public const int LongestWatchdogMilliseconds = 10_000;

    public static bool IsPlausibleWatchdog(double milliseconds) => milliseconds is >= ShortestWatchdogMilliseconds and <= LongestWatchdogMilliseconds;
}
