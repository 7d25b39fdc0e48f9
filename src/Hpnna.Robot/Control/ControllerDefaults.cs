using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Control;

/// <summary>The settings the shipped programs were trained with; a controller built otherwise runs them out of their element.</summary>
public static class ControllerDefaults
{
    /// <summary>Proximity reaches 0 at this range (m): a corridor is about 1.1 m wide, so 5 m of scale would waste most of it.</summary>
    public const double ProximityHorizon = 2.0;

    public static SonarGrouping Grouping { get; } = SonarGrouping.ForPioneerFrontRing(ProximityHorizon);

    public static MotorRange Motors => MotorRange.Default;

    /// <summary>
    /// The trigger starts at 40% of the maximum turn rate and ends after 70 degrees turned (the next corridor's
    /// walls finish the turn), 1.5 s without turning, or 8 s.
    /// </summary>
    public static JunctionTrigger Trigger(double controlPeriod) => new(0.4, 70 * Math.PI / 180, 1.5, 8.0, Motors.MaxAngular, controlPeriod);

    /// <summary>
    /// Seconds per L2 step, chosen so that the robot's trigger looks like L2's training data (turns of 5 to 8
    /// steps, corridors of about lambda times 5). Measured with the shipped programs at lambda 2, 3, 4: a
    /// junction pulse lasts 1.9-2.0 s for Pl and 3.3-3.4 s for Pr (5 and 8.5 steps), corridors 3.0-3.6,
    /// 5.2-6.4 and 8.3-9.4 s (8-9, 13-16 and 21-23 steps).
    /// </summary>
    public const double L2StepSeconds = 0.4;

    /// <summary>Control ticks per L2 step at <paramref name="controlPeriod"/> seconds per tick (at least 1).</summary>
    public static int L2PeriodTicks(double controlPeriod) => Math.Max(1, (int)Math.Round(L2StepSeconds / controlPeriod));
}
