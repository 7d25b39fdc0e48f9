using Hpnna.Robot.Sensing;

namespace Hpnna.Robot.Control;

/// <summary>The settings the shipped programs were trained with; a controller built otherwise runs them out of their element.</summary>
public static class ControllerDefaults
{
    /// <summary>
    /// Proximity reaches 0 at this range (m), about a corridor's width (1.1 m). Why so short: code noise is
    /// relative to each code value, so the noise a proximity brings into a neuron's drive grows with the
    /// proximity's value where the robot follows its wall, while the steering it gives grows with its slope
    /// against distance. A 1 m horizon halves that value (about 0.4 instead of 0.7 in a corridor) and doubles
    /// the slope against 2 m. Measured (L1 learned plainly, 10% / 15% noise on Pr and Pl, 1200 trials):
    /// 267 / 403 crashes at 2 m, 57 / 166 at 1.5 m, 23 / 105 at 1.2 m, 8 / 44 at 1 m, 7 / 52 at 0.9 m; at
    /// 0.75 m the front wall is seen too late and junction timing suffers (108 wrong goals without noise).
    /// </summary>
    public const double ProximityHorizon = 1.0;

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
