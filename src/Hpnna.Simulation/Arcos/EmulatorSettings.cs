namespace Hpnna.Simulation.Arcos;

/// <summary>How the emulated robot introduces and paces itself.</summary>
/// <param name="Name">Robot name in the SYNC2 reply.</param>
/// <param name="Subclass">Model in the SYNC2 reply; picks the client's conversion factors (positions here are in mm, as on <c>p3dx-sh</c>).</param>
/// <param name="SipCycle">Time between SIPs once open.</param>
/// <param name="Watchdog">Silence after which the robot stops (real firmware; resumes on traffic).</param>
/// <param name="BaudRate">Paces bytes out at 10 bits each, as a UART would; 0 sends at once (TCP).</param>
/// <param name="AllowBaudSwitch">Report ResetBaud = 2 in CONFIG and obey HOSTBAUD (serial robots whose parameter file allows it).</param>
public sealed record EmulatorSettings(
    string Name = "HpnnaEmulator",
    string Subclass = "p3dx-sh",
    TimeSpan? SipCycle = null,
    TimeSpan? Watchdog = null,
    int BaudRate = 9600,
    bool AllowBaudSwitch = false)
{
    public const string RobotClass = "Pioneer";

    public TimeSpan SipPeriod => SipCycle ?? TimeSpan.FromMilliseconds(100);

    public TimeSpan WatchdogPeriod => Watchdog ?? TimeSpan.FromSeconds(2);
}
