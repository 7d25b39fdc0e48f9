using Hpnna.Programs.Library;
using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Reports;
using Hpnna.Training.Robustness;

namespace Hpnna.Training.Experiments.Maze;

/// <summary>The outcomes of one cell of the grid: a maze size, a goal and a noise level.</summary>
public sealed record MazeCell(double Lambda, string Goal, double Noise, int Reached, int WrongGoal, int Crashes, int TimeOuts, double MeanTimeToGoal)
{
    public SuccessRate Success => new(Reached, Reached + WrongGoal + Crashes + TimeOuts);
}

/// <summary>One trial kept for pictures: where it ran and the path it took.</summary>
public sealed record MazeTrajectory(double Lambda, string Goal, double Noise, EpisodeOutcome Outcome, IReadOnlyList<Pose2D> Poses);

public sealed record MazeExperimentResult(MazeExperimentSettings Settings, IReadOnlyList<MazeCell> Cells, IReadOnlyList<MazeTrajectory> Trajectories, TimeSpan Elapsed);

/// <summary>
/// Experiment 2: the whole hierarchy (L2 goal code, L1 primitives, simulated Pioneer 3-DX) in depth-3 mazes.
/// </summary>
/// <remarks>
/// For every maze size, goal and noise level k, each trial perturbs every code value (Pr, Pl and the goal
/// code, on each voting L1 and L2 module's lines independently) by a relative Gaussian error of standard deviation
/// k (<see cref="CodeNoise"/>) and runs one episode
/// with sonar range noise; success is the commanded goal reached without touching a wall. Trials are
/// independent and seeded by their coordinates (<see cref="TrialSeed"/>), so the result does not depend
/// on the thread count. The first trial of every cell is recorded for pictures.
/// </remarks>
public static class MazeExperiment
{
    public static MazeExperimentResult Run(ProgramLibrary l1, ProgramLibrary l2, MazeExperimentSettings settings, Action<int, int>? progress = null, CancellationToken cancellation = default)
    {
        var problems = settings.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var goals = Enumerable.Range(1, 8).Select(g => $"G{g}").ToArray();
        var mazes = settings.Lambdas.Select(l => TMazeGenerator.Depth3(l)).ToArray();
        var cells = new List<(int Lambda, int Goal, int Noise)>();
        for (var l = 0; l < settings.Lambdas.Count; l++)
        {
            for (var g = 0; g < goals.Length; g++)
            {
                for (var k = 0; k < settings.NoiseLevels.Count; k++)
                {
                    cells.Add((l, g, k));
                }
            }
        }

        var total = cells.Count * settings.Trials;
        var outcomes = new EpisodeResult[total];
        var recorded = new MazeTrajectory?[cells.Count];
        var done = 0;
        var episode = EpisodeSettings.Default with { TimeLimit = settings.TimeLimit };
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Threads > 0 ? settings.Threads : Environment.ProcessorCount, CancellationToken = cancellation };
        Parallel.For(0, total, options, i =>
        {
            var (l, g, k) = cells[i / settings.Trials];
            var trial = i % settings.Trials;
            var seed = TrialSeed.Of(settings.Seed, l, g, k, trial);
            var random = new Random(seed);
            var noise = settings.NoiseLevels[k];
            var l1Noise = settings.NoiseOn == NoiseTarget.L2 ? 0 : noise;
            var l2Noise = settings.NoiseOn == NoiseTarget.L1 ? 0 : noise;
            double[] Noisy(ReadOnlySpan<double> code, ProgramLibrary library, double level) => CodeNoise.Apply(code, level, library.Interpreter.WeightRange, random);
            var pr = new double[settings.L1Modules][];
            var pl = new double[settings.L1Modules][];
            var goal = new double[settings.L2Modules][];

            // Drawn in this order so that the first module of each level draws what a single L1 and L2 did.
            pr[0] = Noisy(l1["Pr"].Code, l1, l1Noise);
            pl[0] = Noisy(l1["Pl"].Code, l1, l1Noise);
            goal[0] = Noisy(l2[goals[g]].Code, l2, l2Noise);
            for (var m = 1; m < goal.Length; m++)
            {
                goal[m] = Noisy(l2[goals[g]].Code, l2, l2Noise);
            }

            for (var m = 1; m < pr.Length; m++)
            {
                pr[m] = Noisy(l1["Pr"].Code, l1, l1Noise);
                pl[m] = Noisy(l1["Pl"].Code, l1, l1Noise);
            }

            var controller = HpnnaController.Create(l1.Interpreter, l2.Interpreter, pr, pl, goal, settings.Sonars.Layout, episode.ControlPeriod, settings.L1Transition);
            var trace = trial == 0 ? new EpisodeTrace() : null;
            var result = MazeEpisode.Create(mazes[l], controller, goals[g], seed, episode, new SonarNoise(settings.SonarSigma), trace: trace, sonars: settings.Sonars).Run();
            outcomes[i] = result;
            if (trace is not null)
            {
                recorded[i / settings.Trials] = new MazeTrajectory(settings.Lambdas[l], goals[g], noise, result.Outcome, [.. trace.Rows.Select(r => r.Pose)]);
            }

            progress?.Invoke(Interlocked.Increment(ref done), total);
        });

        var summary = cells.Select((cell, c) =>
        {
            var results = new ArraySegment<EpisodeResult>(outcomes, c * settings.Trials, settings.Trials);
            var reached = results.Where(r => r.Outcome == EpisodeOutcome.GoalReached).ToArray();
            return new MazeCell(
                settings.Lambdas[cell.Lambda],
                goals[cell.Goal],
                settings.NoiseLevels[cell.Noise],
                reached.Length,
                results.Count(r => r.Outcome == EpisodeOutcome.WrongGoal),
                results.Count(r => r.Outcome == EpisodeOutcome.Crash),
                results.Count(r => r.Outcome == EpisodeOutcome.TimeOut),
                reached.Length > 0 ? reached.Average(r => r.Time) : double.NaN);
        }).ToList();
        return new MazeExperimentResult(settings, summary, [.. recorded.OfType<MazeTrajectory>()], clock.Elapsed);
    }
}
