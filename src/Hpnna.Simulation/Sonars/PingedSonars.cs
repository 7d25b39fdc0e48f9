using Hpnna.Robot.Contracts;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Geometry;

namespace Hpnna.Simulation.Sonars;

/// <summary>
/// Sonars fired on a <see cref="PingSchedule"/>, as the HC-SR04 driver fires its modules: a module is measured
/// from where the robot is when its slot starts, and its reading appears when the slot ends (when the driver
/// publishes it), stamped with that time. Between its pings a reading stays as it was and ages, so a
/// controller sees staggered, ageing readings exactly as on the robot. Time is the simulation's; called after
/// every physics sub-step, a slot starts within one sub-step of its time. Allocation-free.
/// </summary>
public sealed class PingedSonars
{
    private readonly SonarModel _model;
    private readonly IReadOnlyList<int[]> _slots;
    private readonly double _slotLength;
    private readonly double _idle;
    private readonly SonarReading[] _latest;
    private readonly SonarReading[] _pending;
    private readonly double[] _stamps;
    private int _slot;
    private bool _inFlight;
    private double _fireAt;
    private double _slotEnd;

    public PingedSonars(SonarModel model, PingSchedule schedule)
    {
        if (schedule.Slots.Sum(s => s.Length) != model.Sensors.Count)
        {
            throw new ArgumentException($"the ping schedule fires {schedule.Slots.Sum(s => s.Length)} sensors but the layout has {model.Sensors.Count}", nameof(schedule));
        }

        _model = model;
        _slots = schedule.Slots;
        _slotLength = schedule.SlotLength.TotalSeconds;
        _idle = schedule.IdleAfterCycle.TotalSeconds;
        _latest = [.. model.Sensors.Select(s => new SonarReading(s.MaxRange, false))];
        _pending = new SonarReading[_latest.Length];
        _stamps = new double[_latest.Length];
        Array.Fill(_stamps, double.NegativeInfinity);
    }

    /// <summary>Every sensor's last published reading (not yet pinged: max range, no echo).</summary>
    public ReadOnlySpan<SonarReading> Latest => _latest;

    /// <summary>Fires and publishes every slot due by <paramref name="time"/>, measuring from <paramref name="pose"/>.</summary>
    public void Update(double time, ReadOnlySpan<Segment> walls, Pose2D pose, Random random)
    {
        const double Slack = 1e-9;
        while (true)
        {
            if (_inFlight)
            {
                if (time + Slack < _slotEnd)
                {
                    return;
                }

                foreach (var i in _slots[_slot])
                {
                    _latest[i] = _pending[i];
                    _stamps[i] = _slotEnd;
                }

                _inFlight = false;
                _slot = (_slot + 1) % _slots.Count;
                _fireAt = _slotEnd + (_slot == 0 ? _idle : 0);
            }
            else
            {
                if (time + Slack < _fireAt)
                {
                    return;
                }

                foreach (var i in _slots[_slot])
                {
                    _pending[i] = _model.Scan(i, walls, pose, random);
                }

                _inFlight = true;
                _slotEnd = _fireAt + _slotLength;
            }
        }
    }

    /// <summary>Copies every sensor's last published reading with its age at <paramref name="now"/>.</summary>
    public void Read(double now, Span<SonarReading> destination)
    {
        for (var i = 0; i < _latest.Length; i++)
        {
            destination[i] = _latest[i] with { Age = Math.Max(0, now - _stamps[i]) }; // a slot ending on the tick is 0 s old, not -1e-15
        }
    }
}
