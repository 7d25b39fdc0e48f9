using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Training.Evolution;

namespace Hpnna.Training.Primitives;

/// <summary>
/// The L1 task: the fitness of a primitive code on the fixed L1 interpreter, over every trial of a
/// <see cref="PrimitiveArena"/>; the mean of the trial scores.
/// </summary>
/// <remarks>
/// A trial's score is the sum of
/// <list type="bullet">
/// <item>the Floreano-Mondada term: the mean over the trial's ticks of V (1 - sqrt(dv)) (1 - i), with V the
/// forward speed over its maximum (backwards counts 0), dv the turn rate over its maximum and i the
/// highest proximity (a crash stops the sum, so the missing ticks count 0; reaching the goal early counts
/// the remaining ticks at the mean so far);</item>
/// <item>the side term (the paper's F_R and F_L): a quarter of the mean of right minus left proximity
/// for Pr, left minus right for Pl, minus their absolute difference for Pc;</item>
/// <item>1 for reaching the goal the primitive leads to (any goal for Pc), and -1 for a crash.</item>
/// </list>
/// A code solves the task when every trial reaches its goal.
/// </remarks>
public sealed class PrimitiveFitness(PrimitiveKind kind, PrimitiveArena arena, LayerDefinition l1) : IFitnessFunction
{
    public SearchBounds Bounds { get; } = new(l1.CodeLength, l1.WeightRange.Min, l1.WeightRange.Max);

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(kind, arena, l1);

    private sealed class Evaluator(PrimitiveKind kind, PrimitiveArena arena, LayerDefinition l1) : IFitnessEvaluator
    {
        private readonly L1Interpreter _l1 = new(l1);

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            var total = 0.0;
            var solves = true;
            var controller = new PrimitiveController(_l1, candidate, arena.Grouping, arena.Motors);
            var scored = new ScoredController(controller, kind, arena);
            for (var t = 0; t < arena.Trials.Count; t++)
            {
                var (result, reached) = arena.Run(scored, t, kind);
                var expectedTicks = arena.TrialTime / arena.Episode.ControlPeriod;
                var motion = result.Outcome == EpisodeOutcome.GoalReached
                    ? scored.MotionSum / result.Ticks
                    : scored.MotionSum / expectedTicks;
                total += motion + 0.25 * scored.SideSum / result.Ticks
                    + (reached ? 1.0 : 0.0)
                    - (result.Outcome == EpisodeOutcome.Crash ? 1.0 : 0.0);
                solves &= reached;
            }

            return new Evaluation(total / arena.Trials.Count, solves);
        }
    }

    /// <summary>Wraps the controller under test and sums the per-tick fitness terms from what it saw and did.</summary>
    private sealed class ScoredController(PrimitiveController inner, PrimitiveKind kind, PrimitiveArena arena) : IController
    {
        public double MotionSum { get; private set; }

        public double SideSum { get; private set; }

        public string Activity => inner.Activity;

        public void Reset()
        {
            inner.Reset();
            MotionSum = 0;
            SideSum = 0;
        }

        public DriveCommand Update(SensorFrame frame)
        {
            var command = inner.Update(frame);
            ReadOnlySpan<SonarReading> readings = frame.Ranges;
            var proximities = arena.Grouping.Group(readings);
            var speed = Math.Max(0, command.Linear) / arena.Motors.MaxLinear;
            var turning = Math.Min(1, Math.Abs(command.Angular) / arena.Motors.MaxAngular);
            MotionSum += speed * (1 - Math.Sqrt(turning)) * (1 - arena.Grouping.Nearest(readings));
            SideSum += kind switch
            {
                PrimitiveKind.RightWall => proximities.Right - proximities.Left,
                PrimitiveKind.LeftWall => proximities.Left - proximities.Right,
                _ => -Math.Abs(proximities.Right - proximities.Left),
            };
            return command;
        }
    }
}
