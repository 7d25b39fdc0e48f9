using Hpnna.Arcos.Packets;
using Hpnna.Arcos.Units;
using Hpnna.Robot.Contracts;

namespace Hpnna.Devices.Arcos;

/// <summary>
/// Folds SIPs into a <see cref="RobotState"/>: unit conversion by the robot's factors, and odometry unwrapped
/// from the SIP's positions. ARCOS firmware reports X and Y in 15 bits (ARIA masks them with 0x7fff), simulators
/// often in 16: each step is taken modulo 0x8000 and the first position read as a signed 15-bit value, which is
/// right for both widths as long as one SIP never moves the robot 16 m and it starts within 16 m of the origin.
/// Allocation-free.
/// </summary>
internal sealed class SipTracker
{
    private readonly SipSonar[] _sonars = new SipSonar[RobotState.SonarCapacity];
    private short _lastX;
    private short _lastY;
    private bool _hasBaseline;
    private double _x;
    private double _y;

    public ConversionFactors Units { get; set; } = ConversionFactors.P3dxSh;

    /// <summary>Applies one standard SIP; false if the packet is not one.</summary>
    public bool Apply(ReadOnlySpan<byte> packet, RobotState state, long stamp)
    {
        if (!StandardSip.TryParse(packet, _sonars, out var sip))
        {
            return false;
        }

        if (!_hasBaseline)
        {
            _x = Signed15(sip.X) * Units.Distance / 1000;
            _y = Signed15(sip.Y) * Units.Distance / 1000;
            _hasBaseline = true;
        }
        else
        {
            _x += Step15(sip.X, _lastX) * Units.Distance / 1000;
            _y += Step15(sip.Y, _lastY) * Units.Distance / 1000;
        }

        _lastX = sip.X;
        _lastY = sip.Y;
        var left = sip.LeftVelocity * Units.Velocity;
        var right = sip.RightVelocity * Units.Velocity;
        state.Pose = new Pose2D(_x, _y, Pose2D.WrapAngle(sip.Theta * Units.Angle));
        state.LeftWheel = left / 1000;
        state.RightWheel = right / 1000;
        state.Linear = (left + right) / 2000;
        state.Angular = sip.RotationalVelocity is { } rotation
            ? rotation / 10.0 * Math.PI / 180
            : Units.RotationFromWheels(left, right);
        state.Battery = (sip.BatteryTenths ?? sip.Battery) / 10.0;
        state.LeftStalled = sip.LeftStalled;
        state.RightStalled = sip.RightStalled;
        state.FrontBumpers = sip.FrontBumpers;
        state.RearBumpers = sip.RearBumpers;
        state.MotorsEnabled = sip.MotorsEnabled;
        state.StopButtonPressed = sip.StopButtonPressed;
        for (var k = 0; k < Math.Min(sip.SonarCount, _sonars.Length); k++)
        {
            var disc = _sonars[k].Number;
            if (disc < RobotState.SonarCapacity)
            {
                state.SonarRanges[disc] = _sonars[k].Range * Units.Range / 1000;
                state.SonarStamps[disc] = stamp;
            }
        }

        state.SipCount++;
        state.LastSipStamp = stamp;
        return true;
    }

    /// <summary>The move from <paramref name="last"/> to <paramref name="now"/> modulo 0x8000, in (-0x4000, 0x4000].</summary>
    internal static int Step15(short now, short last)
    {
        var step = (now - last) & 0x7fff;
        return step > 0x4000 ? step - 0x8000 : step;
    }

    /// <summary>A 15-bit position as signed: 0x4000 and above are negative, as a 16-bit value of the same position would be.</summary>
    internal static int Signed15(short value)
    {
        var low = value & 0x7fff;
        return low >= 0x4000 ? low - 0x8000 : low;
    }
}
