using Hpnna.Core.Transitions;
using Hpnna.Programs.Library;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Robustness;

namespace Hpnna.Training.Experiments.Rerouting;

/// <summary>How one swap ended.</summary>
public enum SwapOutcome
{
    /// <summary>The new goal reached.</summary>
    Reached,

    /// <summary>Refused when asked for: the robot had begun the turn that rules the new goal out.</summary>
    RefusedAtRequest,

    /// <summary>Accepted, then dropped when it was to land (a turn begun in between went the other way).</summary>
    DroppedAtLanding,

    /// <summary>The old goal reached.</summary>
    OldGoal,

    /// <summary>Another goal reached.</summary>
    OtherGoal,

    Crash,

    TimeOut,
}

/// <summary>One cell: a maze size, a noise level, with or without the phase, an old and a new goal and a segment.</summary>
public sealed record ReroutingCell(double Lambda, double Noise, bool Prepared, int OldGoal, int NewGoal, SwapSegment Segment, IReadOnlyList<SwapOutcome> Outcomes)
{
    public int Reached => Outcomes.Count(o => o == SwapOutcome.Reached);
}

/// <summary>One run drawn for the report: where it went, with or without the phase.</summary>
public sealed record ReroutingTrajectory(bool Prepared, SwapOutcome Outcome, double SwapTime, IReadOnlyList<Pose2D> Poses);

public sealed record ReroutingResult(ReroutingSettings Settings, IReadOnlyList<ReroutingCell> Cells, IReadOnlyList<ReroutingTrajectory> Example, (int Old, int New, SwapSegment Segment, double Lambda) ExampleCell, TimeSpan Elapsed);

/// <summary>
/// Goal swaps mid-run: for every old goal, every new goal still reachable, each corridor segment and each turn
/// in which one is, a simulated run toward the old goal gets the new one, as the command link would give it.
/// </summary>
/// <remarks>
/// The swap is timed from the moment the robot enters the segment (as its own route sees it), at a fraction of
/// the segment's length in a noise-free run to the old goal: evenly spread fractions without noise, a uniform
/// draw in [0.05, 0.95] per trial with noise. Each cell runs with L2's goal phase (the shipped controller) and
/// without it (the code swapped onto the old goal's state). With noise every code value of every voting
/// module's lines (Pr, Pl, the old and the new goal code) is perturbed on its own, as in experiment 2. Trials
/// are seeded by their coordinates (<see cref="TrialSeed"/>): the same result on any thread count.
/// </remarks>
public static class ReroutingExperiment
{
    private const double MinFraction = 0.05;
    private const double MaxFraction = 0.95;

    public static ReroutingResult Run(ProgramSet programs, ReroutingSettings settings, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var episode = EpisodeSettings.Default with { TimeLimit = settings.TimeLimit };
        var mazes = settings.Lambdas.Select(TMazeGenerator.Depth3).ToArray();
        var lengths = mazes.Select(maze => Enumerable.Range(1, GoalRoutes.Count).Select(g => SegmentLengths(programs, maze, g, episode)).ToArray()).ToArray();

        var cells = new List<(int Lambda, int Noise, bool Prepared, int Old, int New, SwapSegment Segment)>();
        for (var l = 0; l < settings.Lambdas.Count; l++)
        {
            for (var k = 0; k < settings.NoiseLevels.Count; k++)
            {
                foreach (var prepared in new[] { true, false })
                {
                    for (var old = 1; old <= GoalRoutes.Count; old++)
                    {
                        foreach (var segment in SwapSegment.All)
                        {
                            for (var nw = 1; nw <= GoalRoutes.Count; nw++)
                            {
                                if (segment.Reachable(old, nw))
                                {
                                    cells.Add((l, k, prepared, old, nw, segment));
                                }
                            }
                        }
                    }
                }
            }
        }

        int TrialsOf(int k) => settings.NoiseLevels[k] == 0 ? settings.NoiseFreeSwaps : settings.Trials;
        var starts = new int[cells.Count + 1];
        for (var c = 0; c < cells.Count; c++)
        {
            starts[c + 1] = starts[c] + TrialsOf(cells[c].Noise);
        }

        var total = starts[^1];
        var cellOf = new int[total];
        for (var c = 0; c < cells.Count; c++)
        {
            cellOf.AsSpan(starts[c], starts[c + 1] - starts[c]).Fill(c);
        }

        var outcomes = new SwapOutcome[total];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount, CancellationToken = cancellation };
        Parallel.For(0, total, options, i =>
        {
            var c = cellOf[i];
            var (l, k, prepared, old, nw, segment) = cells[c];
            var trial = i - starts[c];
            var seed = TrialSeed.Of(settings.Seed, l, k, old, nw, IndexOf(segment), trial);
            var noise = settings.NoiseLevels[k];
            var fraction = noise == 0
                ? (trial + 0.5) / settings.NoiseFreeSwaps
                : MinFraction + (MaxFraction - MinFraction) * new Random(seed ^ 0x5EED).NextDouble();
            outcomes[i] = RunOne(programs, mazes[l], episode, old, nw, segment, fraction * lengths[l][old - 1][segment], noise, noise == 0 ? 0 : settings.SonarSigma, prepared ? settings.Phase : PreparatoryPhase.Off, seed, null).Outcome;
            progress?.Invoke(Interlocked.Increment(ref done), total);
        });

        var summary = cells.Select((cell, c) => new ReroutingCell(
            settings.Lambdas[cell.Lambda], settings.NoiseLevels[cell.Noise], cell.Prepared, cell.Old, cell.New, cell.Segment, outcomes[starts[c]..starts[c + 1]])).ToList();

        // The picture: a swap between junctions 1 and 2, noise-free, at the middle of the corridor.
        var exampleLambda = settings.Lambdas.Contains(3.0) ? settings.Lambdas.ToList().IndexOf(3.0) : 0;
        var exampleSegment = SwapSegment.All[1];
        var exampleTime = 0.5 * lengths[exampleLambda][0][exampleSegment];
        var example = new[] { true, false }.Select(prepared =>
        {
            var trace = new EpisodeTrace();
            var (outcome, time) = RunOne(programs, mazes[exampleLambda], episode, 1, 4, exampleSegment, exampleTime, 0, 0, prepared ? settings.Phase : PreparatoryPhase.Off, settings.Seed, trace);
            return new ReroutingTrajectory(prepared, outcome, time, [.. trace.Rows.Select(r => r.Pose)]);
        }).ToList();
        return new ReroutingResult(settings, summary, example, (1, 4, exampleSegment, settings.Lambdas[exampleLambda]), clock.Elapsed);
    }

    /// <summary>One run toward <paramref name="old"/>, swapped to <paramref name="nw"/> <paramref name="delay"/> s after entering the segment.</summary>
    private static (SwapOutcome Outcome, double SwapTime) RunOne(ProgramSet programs, TMaze maze, EpisodeSettings episode, int old, int nw, SwapSegment segment, double delay, double noise, double sonarSigma, PreparatoryPhase phase, int seed, EpisodeTrace? trace)
    {
        var random = new Random(seed);
        var l1 = programs.L1;
        var l2 = programs.L2;
        double[][] Lines(ReadOnlySpan<double> code, ProgramLibrary library, int modules)
        {
            var lines = new double[modules][];
            for (var m = 0; m < modules; m++)
            {
                lines[m] = noise == 0 ? code.ToArray() : CodeNoise.Apply(code, noise, library.Interpreter.WeightRange, random);
            }

            return lines;
        }

        var l1Modules = Core.Interpreters.InterpreterTopologies.L1Modules;
        var l2Modules = Core.Interpreters.InterpreterTopologies.L2Modules;
        var controller = HpnnaController.Create(
            l1.Interpreter, l2.Interpreter, Lines(l1["Pr"].Code, l1, l1Modules), Lines(l1["Pl"].Code, l1, l1Modules), Lines(programs.Goal(GoalRoutes.Name(old)), l2, l2Modules),
            SonarLayouts.PioneerFrontRing, episode.ControlPeriod, goalNumber: old, goalPhase: phase);
        var swap = new PlannedSwap(nw, programs.Goal(GoalRoutes.Name(nw)).ToArray(), Lines(programs.Goal(GoalRoutes.Name(nw)), l2, l2Modules));
        var run = MazeEpisode.Create(maze, controller, GoalRoutes.Name(old), seed, episode, new SonarNoise(sonarSigma), trace: trace);
        var (result, swaps) = SwappingEpisode.Run(run, controller.Goals, SwappingEpisode.AfterEntering(segment.Contains, delay, swap));

        var swapTime = swaps.Count > 0 ? swaps[0].Time : double.NaN;
        if (swaps.Count == 0 || swaps[0].Refusal is not null)
        {
            return (SwapOutcome.RefusedAtRequest, swapTime);
        }

        if (controller.Goals.Dropped > 0)
        {
            return (SwapOutcome.DroppedAtLanding, swapTime);
        }

        return (result.Outcome switch
        {
            EpisodeOutcome.GoalReached => SwapOutcome.Reached,
            EpisodeOutcome.WrongGoal when result.Goal == GoalRoutes.Name(old) => SwapOutcome.OldGoal,
            EpisodeOutcome.WrongGoal => SwapOutcome.OtherGoal,
            EpisodeOutcome.Crash => SwapOutcome.Crash,
            _ => SwapOutcome.TimeOut,
        }, swapTime);
    }

    private static int IndexOf(SwapSegment segment) => SwapSegment.All.ToList().IndexOf(segment);

    /// <summary>How long a noise-free run to <paramref name="goal"/> stays in each segment.</summary>
    private static Dictionary<SwapSegment, double> SegmentLengths(ProgramSet programs, TMaze maze, int goal, EpisodeSettings episode)
    {
        var controller = HpnnaController.Create(programs.L1.Interpreter, programs.L2.Interpreter, programs.L1["Pr"].Code, programs.L1["Pl"].Code, programs.Goal(GoalRoutes.Name(goal)), SonarLayouts.PioneerFrontRing, episode.ControlPeriod, goalNumber: goal);
        var run = MazeEpisode.Create(maze, controller, GoalRoutes.Name(goal), 1, episode);
        var first = new Dictionary<SwapSegment, double>();
        var last = new Dictionary<SwapSegment, double>();
        SwappingEpisode.Run(run, controller.Goals, (time, route) =>
        {
            foreach (var segment in SwapSegment.All.Where(s => s.Contains(route)))
            {
                first.TryAdd(segment, time);
                if (!last.TryGetValue(segment, out var previous) || time - previous < 1.0)
                {
                    last[segment] = time; // the segment's first stretch: a return after a gap (a swing after a turn) is not counted
                }
            }

            return null;
        });

        return SwapSegment.All.ToDictionary(s => s, s => first.TryGetValue(s, out var from) ? last[s] - from : 0.0);
    }
}
