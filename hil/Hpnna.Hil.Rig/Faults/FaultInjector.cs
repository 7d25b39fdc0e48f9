using Hpnna.Hil.Rig.Scenarios;
using Hpnna.Simulation.Arcos;

namespace Hpnna.Hil.Rig.Faults;

/// <summary>
/// Applies a scenario's faults on schedule, once per emulator step (serving thread): the line (cut, garbage)
/// through <see cref="FaultyLink"/>, the robot (battery, stall, sonar discs) through the emulator session.
/// It also measures, for every link cut, how long the firmware took to stop the robot.
/// </summary>
internal sealed class FaultInjector(IReadOnlyList<Fault> faults, FaultyLink line)
{
    /// <summary>A charged 12 V pack, as the emulator reports by default.</summary>
    private const byte NominalBatteryTenths = 130;

    private double? _cutStarted;
    private bool _wasCut;

    /// <summary>The longest time from a link cut's start until the firmware stopped the robot, seconds.</summary>
    public double? LongestStopAfterCut { get; private set; }

    public bool Cut { get; private set; }

    public void Apply(ArcosRobotSession session, double time)
    {
        Cut = faults.Any(f => f.Kind == "link-cut" && f.ActiveAt(time));
        if (Cut && !_wasCut)
        {
            _cutStarted = time;
        }

        // The stop counts when the watchdog trips (it then decelerates) or the motors go off; a cut that ends first counts in full.
        if (_cutStarted is { } since && (session.WatchdogTripped || !session.MotorsEnabled || !Cut))
        {
            LongestStopAfterCut = Math.Max(LongestStopAfterCut ?? 0, time - since);
            _cutStarted = null;
        }

        _wasCut = Cut;
        line.Cut = Cut;
        session.Battery = NominalBatteryTenths;
        session.ForceStall = false;
        Array.Fill(session.SonarFaults, double.NaN);
        foreach (var fault in faults)
        {
            if (!fault.ActiveAt(time))
            {
                continue;
            }

            switch (fault.Kind)
            {
                case "garbage" when line.NextDouble() < fault.Rate:
                    line.InjectGarbage();
                    break;
                case "battery":
                    session.Battery = (byte)Math.Round(fault.Volts * 10);
                    break;
                case "stall":
                    session.ForceStall = true;
                    break;
                case "sonar-stuck":
                    session.SonarFaults[fault.Disc] = fault.Range;
                    break;
                case "sonar-silent":
                    session.SonarFaults[fault.Disc] = double.PositiveInfinity;
                    break;
            }
        }
    }
}
