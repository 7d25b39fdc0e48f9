namespace Hpnna.Arcos.Commands;

/// <summary>Client command numbers a differential-drive controller uses (ARIA's ArCommands numbering).</summary>
public enum CommandNumber : byte
{
    /// <summary>No argument; resets the watchdog. Same number as SYNC0.</summary>
    Pulse = 0,
    /// <summary>Starts the robot's servers and the SIP stream. Same number as SYNC1.</summary>
    Open = 1,
    /// <summary>Stops the robot and ends the session. Same number as SYNC2.</summary>
    Close = 2,
    Polling = 3,
    Enable = 4,
    SetAcceleration = 5,
    SetMaxVelocity = 6,
    ResetOdometry = 7,
    Move = 8,
    Rotate = 9,
    SetMaxRotationalVelocity = 10,
    Velocity = 11,
    Heading = 12,
    DeltaHeading = 13,
    Say = 15,
    JoystickRequest = 17,
    Config = 18,
    Encoder = 19,
    RotationalVelocity = 21,
    SetRotationalAcceleration = 23,
    Sonar = 28,
    Stop = 29,
    DigitalOut = 30,
    WheelVelocities = 32,
    IoRequest = 40,
    BumpStall = 44,
    HostBaud = 50,
    EmergencyStop = 55,
    EStall = 56,
    BatteryInfo = 62,
    BatteryTest = 250,
}

/// <summary>The three handshake packets share numbers with PULSE, OPEN and CLOSE.</summary>
public static class SyncNumber
{
    public const byte Sync0 = 0;
    public const byte Sync1 = 1;
    public const byte Sync2 = 2;
}
