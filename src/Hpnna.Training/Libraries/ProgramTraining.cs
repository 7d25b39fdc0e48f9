using System.Globalization;
using Hpnna.Core.Layers;
using Hpnna.Core.Muls;
using Hpnna.Programs.Library;
using Hpnna.Training.Evolution;
using Hpnna.Training.Primitives;
using Hpnna.Training.Robustness;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Libraries;

/// <summary>One learned program and the run that found it.</summary>
public sealed record TrainedProgram(NamedProgram Program, DeResult Run, TimeSpan Elapsed);

/// <summary>
/// Learns programs one DE run each, on a fixed interpreter: L1 primitives in the simulator, L2 goal codes on
/// the synthetic trigger datasets. A run never touches another program, so programs can be added to a
/// library one at a time.
/// </summary>
public static class ProgramTraining
{
    /// <summary>Learns primitive <paramref name="kind"/> on <paramref name="l1"/> in <paramref name="arena"/>, optionally kept to a <see cref="MazeGuard"/>.</summary>
    public static TrainedProgram Primitive(PrimitiveKind kind, PrimitiveArena arena, LayerDefinition l1, DeSettings settings, RobustTraining robust, string command, MazeGuard? guard = null, Action<DeProgress>? progress = null, CancellationToken cancellation = default) =>
        Learn(PrimitiveNames.Of(kind), $"{PrimitiveNames.Of(kind)} ({kind}) in a depth-{arena.Maze.Spec.Depth} T-maze, {arena.Trials.Count} starts, {arena.TrialTime:F0} s trials{robust.Describe()}{Describe(guard)}",
            Guarded(robust.Wrap(new PrimitiveFitness(kind, arena, l1), l1.WeightRange, settings.Seed), guard), robust.Settle(settings), command, progress, cancellation);

    /// <summary>Refines one program inside the whole hierarchy (<see cref="HierarchyFitness"/>), kept to <paramref name="guard"/>.</summary>
    public static TrainedProgram InHierarchy(string program, HierarchyFitness fitness, MazeGuard guard, DeSettings settings, string command, Action<DeProgress>? progress = null, CancellationToken cancellation = default) =>
        Learn(program, string.Create(CultureInfo.InvariantCulture, $"{program} inside the hierarchy: depth-3 mazes at lambda {string.Join(", ", fitness.Lambdas)}, {fitness.Episodes} episodes, noise-free and under {100 * fitness.Noise:F0}% code noise on {(fitness.NoiseOn == HierarchyNoise.Every ? "every code" : "its level's codes")}{(fitness.ClearanceCredit > 0 ? $", clearance credit {fitness.ClearanceCredit}" : "")}, {guard.Episodes} noise-free guard episodes"),
            new GuardedFitness(fitness, guard), settings, command, progress, cancellation);

    /// <summary>Learns the goal code of <paramref name="task"/> on <paramref name="l2"/> from <paramref name="dataset"/>, optionally kept to a <see cref="MazeGuard"/>.</summary>
    public static TrainedProgram Goal(GoalTask task, TriggerDataset dataset, LayerDefinition l2, DeSettings settings, RobustTraining robust, string command, MazeGuard? guard = null, Action<DeProgress>? progress = null, CancellationToken cancellation = default) =>
        Learn(task.Goal, $"{task} on {dataset.Name}, {dataset.Sequences.Count} trigger sequences{robust.Describe()}{Describe(guard)}",
            Guarded(robust.Wrap(new GoalCodeFitness(task, dataset, l2), l2.WeightRange, settings.Seed), guard), robust.Settle(settings), command, progress, cancellation);

    /// <summary>How far around the code learned on ideal muls <see cref="GoalViaIdeal"/> spreads its second stage's first generation.</summary>
    public const double WarmStartSpread = 0.05;

    /// <summary>
    /// Learns the goal code of <paramref name="task"/> for <paramref name="l2"/> in two stages: first on the same
    /// interpreter with ideal muls (the plain CTRNN the code stands for: five times cheaper per evaluation, and
    /// without the mul error's roughness), then on <paramref name="l2"/> itself from copies of that code under
    /// <see cref="WarmStartSpread"/> code noise. Measured (three maze sizes, 2 cores): all eight codes for
    /// published muls in about 5 s, against 129 s learning on published muls from random codes.
    /// </summary>
    /// <remarks>
    /// Under <paramref name="robust"/> both stages score noisy copies; <paramref name="guard"/> keeps the second.
    /// With copies redrawn every generation (<see cref="RobustTraining.Redraw"/>) the first stage, from random
    /// codes with restarts, still scores copies drawn once (a restart keeps its best on the draw it was scored
    /// on, and a lucky draw kept a G7 that did not do every fresh sequence right even without noise); a middle
    /// stage on ideal muls then refines its code under redrawn copies, and the last does too, each for all its
    /// generations. The ideal stages run at most <paramref name="idealGenerations"/> generations each (they cost
    /// a fifth as much, and a code that must hold its choice through two junctions needs several hundred);
    /// the last at most <c>settings.MaxGenerations</c>.
    /// </remarks>
    public static TrainedProgram GoalViaIdeal(GoalTask task, TriggerDataset dataset, LayerDefinition l2, DeSettings settings, int idealGenerations, RobustTraining robust, string command, MazeGuard? guard = null, Action<DeProgress>? progress = null, CancellationToken cancellation = default) =>
        Learn(task.Goal, $"{task} on {dataset.Name}, {dataset.Sequences.Count} trigger sequences, learned on ideal muls first{robust.Describe()}{Describe(guard)}", settings, command, () =>
        {
            IFitnessFunction On(LayerDefinition layer, RobustTraining noise) => noise.Wrap(new GoalCodeFitness(task, dataset, layer), layer.WeightRange, settings.Seed);
            var idealLayer = l2.WithMul(MulKind.Ideal);
            var stages = new List<DeResult>();
            DeResult Stage(IFitnessFunction fitness, DeSettings stageSettings)
            {
                var (generations, evaluations) = stages.Count == 0 ? (0, 0L) : (stages[^1].History[^1].Generation, stages[^1].History[^1].Evaluations);
                DeProgress Shift(DeProgress p) => p with { Generation = generations + p.Generation, Evaluations = evaluations + p.Evaluations };
                var run = DifferentialEvolution.Run(fitness, stageSettings, p => progress?.Invoke(Shift(p)), cancellation);
                stages.Add(run with { History = [.. run.History.Select(Shift)] });
                return run;
            }

            var onIdeal = settings with { MaxGenerations = idealGenerations };
            DeSettings Near(DeResult from, DeSettings stage) => robust.Settle(stage with
            {
                InitialMembers = CodeNoise.Neighbourhood(from.Best, settings.Population, WarmStartSpread, l2.WeightRange, settings.Seed),
                RestartAfter = 0,
            });

            var found = Stage(On(idealLayer, robust with { Redraw = false }), onIdeal);
            if (robust.Redraw)
            {
                found = Stage(On(idealLayer, robust), Near(found, onIdeal));
            }

            var target = Stage(Guarded(On(l2, robust), guard), Near(found, settings));

            // Solved means solved on l2: the ideal stages' generations count, their solving does not.
            return target with
            {
                History = [.. stages[..^1].SelectMany(s => s.History).Select(p => p with { BestSolves = false }), .. stages[^1].History],
            };
        });

    /// <summary>The most generations <see cref="GoalViaIdeal"/> runs in all its stages.</summary>
    public static int GoalViaIdealGenerations(int generations, int idealGenerations, RobustTraining robust) =>
        (idealGenerations * (robust.Redraw ? 2 : 1)) + generations;

    /// <summary>"DE/rand/1/bin pop 20 F 0.85 CR 0.8", with ", restart after 100" when the run restarts.</summary>
    public static string Method(DeSettings settings) => string.Create(CultureInfo.InvariantCulture,
        $"DE/{(settings.Strategy == DeStrategy.RandOneBin ? "rand" : "best")}/1/bin pop {settings.Population} F {settings.F} CR {settings.CR}{(settings.RestartAfter > 0 ? $", restart after {settings.RestartAfter}" : string.Empty)}");

    private static IFitnessFunction Guarded(IFitnessFunction fitness, MazeGuard? guard) => guard is null ? fitness : new GuardedFitness(fitness, guard);

    private static string Describe(MazeGuard? guard) => guard is null ? string.Empty : string.Create(CultureInfo.InvariantCulture,
        $", kept to reaching its goals in the hierarchy noise-free at lambda {string.Join(", ", guard.Lambdas)} ({guard.Episodes} guard episodes)");

    private static TrainedProgram Learn(string name, string task, IFitnessFunction fitness, DeSettings settings, string command, Action<DeProgress>? progress, CancellationToken cancellation) =>
        Learn(name, task, settings, command, () => DifferentialEvolution.Run(fitness, settings, progress, cancellation));

    private static TrainedProgram Learn(string name, string task, DeSettings settings, string command, Func<DeResult> learn)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var run = learn();
        var record = new TrainingRecord(Method(settings), task, settings.Seed, run.Generations, Math.Round(run.BestEvaluation.Fitness, 6), run.BestEvaluation.Solves,
            DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), command);
        return new TrainedProgram(new NamedProgram(name, run.Best, record), run, clock.Elapsed);
    }
}
