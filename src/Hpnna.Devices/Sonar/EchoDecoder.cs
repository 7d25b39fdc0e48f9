namespace Hpnna.Devices.Sonar;

/// <summary>What one ping produced.</summary>
public enum EchoStatus
{
    /// <summary>Not pinged yet.</summary>
    None,
    /// <summary>A valid echo: the range is measured.</summary>
    Range,
    /// <summary>The echo pulse lasted past the longest range (many modules hold it about 38 ms when nothing answers).</summary>
    OutOfRange,
    /// <summary>No pulse at all before the slot ended: a dead, unplugged or stuck sensor.</summary>
    Missing,
    /// <summary>A pulse shorter than the module's 2 cm minimum: noise or an object touching the sensor.</summary>
    TooClose,
}

/// <summary>
/// Turns one sensor's echo edges into a range. Armed at the trigger, it takes the first rising edge after it
/// and the falling edge after that; range = pulse width x speed of sound / 2. The width is a difference of
/// two timestamps, so a reader that was descheduled in between still measures it exactly.
/// </summary>
public sealed class EchoDecoder(double speedOfSound, double maxRange)
{
    /// <summary>Pulses shorter than this (2 cm there and back) are rejected.</summary>
    public static readonly TimeSpan MinimumPulse = TimeSpan.FromMicroseconds(116);

    private long _armedAt;
    private long _rise;
    private long _fall;

    public double MaxRange => maxRange;

    /// <summary>Starts a ping whose trigger ended at <paramref name="triggerStamp"/>.</summary>
    public void Arm(long triggerStamp)
    {
        _armedAt = triggerStamp;
        _rise = 0;
        _fall = 0;
    }

    public void OnEdge(in EchoEdge edge)
    {
        if (edge.Timestamp < _armedAt)
        {
            return; // the tail of an earlier ping
        }

        if (edge.Rising && _rise == 0)
        {
            _rise = edge.Timestamp;
        }
        else if (!edge.Rising && _rise != 0 && _fall == 0)
        {
            _fall = edge.Timestamp;
        }
    }

    /// <summary>The ping's outcome and range in metres (max range unless <see cref="EchoStatus.Range"/>).</summary>
    public (EchoStatus Status, double Range) Finish()
    {
        if (_rise == 0 || _fall == 0)
        {
            return (_rise == 0 ? EchoStatus.Missing : EchoStatus.OutOfRange, maxRange);
        }

        var width = System.Diagnostics.Stopwatch.GetElapsedTime(_rise, _fall);
        if (width < MinimumPulse)
        {
            return (EchoStatus.TooClose, 0.02);
        }

        var range = width.TotalSeconds * speedOfSound / 2;
        return range > maxRange ? (EchoStatus.OutOfRange, maxRange) : (EchoStatus.Range, range);
    }
}
