using Hpnna.Core.Transitions;
using Hpnna.Robot.Contracts;
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

    /// <summary>The proximities L1 is fed from <paramref name="layout"/>: grouped by heading, to the <see cref="ProximityHorizon"/>.</summary>
    public static SonarGrouping Grouping(SensorLayout layout) => SonarGrouping.ByHeading(layout, ProximityHorizon);

    public static MotorRange Motors => MotorRange.Default;

    /// <summary>
    /// A turn starts at 50% of the maximum turn rate and ends after 70 degrees turned (the next corridor's walls
    /// finish the turn), 1.5 s without turning, or 8 s. Not 40%: over the ARCOS link (hardware-in-the-loop rig)
    /// the 1 m horizon's wall followers swing back at up to 0.42 rad/s after a junction turn, a second pulse
    /// that sent G6, G7 and G2 to wrong goals; junction turns run at 0.6-1 rad/s. In the simulator the change is
    /// within trial noise (experiment 2, seed 2: 1152 / 1044 of 1200 at 10% / 15% against 1160 / 1050). Each
    /// turn gives L2 one pulse of <see cref="PulseSeconds"/>.
    /// </summary>
    public static JunctionTrigger Trigger(double controlPeriod) => new(0.5, 70 * Math.PI / 180, 1.5, 8.0, PulseSeconds, Motors.MaxAngular, controlPeriod, ApproachThreshold, SettleSeconds);

    /// <summary>
    /// How long L2's pulse at a junction lasts: 6 L2 steps, within the 5-8 of the datasets the goal codes were
    /// learned on. Ended with the turn instead, pulses lasted 4-9 steps (every goal at lambda 2-4, 15% code
    /// noise), 8-9 when a perturbed L1 turned just short of 70 degrees and waited out the quiet time, and G7
    /// (rrl) counted those as two junctions. Measured (experiment 2, five voting L1 and L2 modules, 10% / 15% /
    /// 20% of 1200): ended with the turn, seed 2 1199 / 1175 / 1109; fixed at 2.0 s 1200 / 1186 / 1114, 2.2 s
    /// 1200 / 1189 / 1138, 2.4 s 1199 / 1191 / 1149, 2.8 s 1199 / 1192 / 1145, 3.2 s 1194 / 1179 / 1124; at 2.4 s
    /// seed 1 1200 / 1189 / 1157 (was 1197 / 1173 / 1119) and seed 3 1200 / 1194 / 1153 (was 1198 / 1177 / 1117).
    /// </summary>
    public const double PulseSeconds = 2.4;

    /// <summary>
    /// Seconds per L2 step. Measured with the shipped programs at lambda 2, 3, 4: a junction turn lasts 1.9-2.0 s
    /// (5 steps), corridors 4.8, 8.0 and 11.3 s after Pl (12, 20, 28 steps) and 7.1, 11.2 and 15.3 s after Pr
    /// (18, 28, 38 steps): longer than the standard datasets' lambda x 5, so the goal codes are learned on
    /// trigger sequences of the robot's own sizes (<c>hpnna train l2 --dataset 2.4,4,5.6</c>). A longer step,
    /// to fit the corridors to the standard datasets, shortens the pulses below any the codes have seen:
    /// measured with the same codes, 0.45 and 0.5 s lost more goals than 0.3-0.4 s.
    /// </summary>
    public const double L2StepSeconds = 0.4;

    /// <summary>L2 steps of one junction pulse.</summary>
    public static int PulseSteps => (int)Math.Round(PulseSeconds / L2StepSeconds);

    /// <summary>
    /// L2 steps of corridor after which a goal code's L2 state is taken as settled (<see cref="GoalSwitch"/>):
    /// 16 s, where the shipped codes' corridor states have stopped moving (docs/results/rerouting).
    /// </summary>
    public const int SettleSteps = 40;

    /// <summary>
    /// The fraction of the maximum turn rate from which L1 is taken to have begun a junction turn the trigger
    /// has not counted yet (<see cref="JunctionTrigger.Approaching"/>): a goal swap waits, and the turn counts as
    /// taken by the primitive in charge. A swap landing later comes too late for the corner (docs/results/rerouting).
    /// </summary>
    public const double ApproachThreshold = 0.25;

    /// <summary>
    /// Seconds after a turn and its pulse in which a turn rate above <see cref="ApproachThreshold"/> is L1
    /// swinging into the new corridor, not a junction: such swings end before, junction turns begin after.
    /// </summary>
    public const double SettleSeconds = 3.0;

    /// <summary>
    /// How L2 is prepared for a goal swapped mid-run: one step at gain 1, so at its next step every module holds
    /// the state the new code settles in for the junctions passed. Longer phases reached fewer new goals: they
    /// leave L2 deaf to the trigger for longer (docs/results/rerouting).
    /// </summary>
    public static PreparatoryPhase GoalPhase { get; } = new(1, 1.0);

    /// <summary>Control ticks per L2 step at <paramref name="controlPeriod"/> seconds per tick (at least 1).</summary>
    public static int L2PeriodTicks(double controlPeriod) => Math.Max(1, (int)Math.Round(L2StepSeconds / controlPeriod));
}
