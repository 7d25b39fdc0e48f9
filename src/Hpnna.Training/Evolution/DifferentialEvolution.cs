using System.Collections.Concurrent;

namespace Hpnna.Training.Evolution;

/// <summary>
/// Differential evolution (Storn and Price) maximising an <see cref="IFitnessFunction"/> over a box.
/// </summary>
/// <remarks>
/// Algorithm, one generation:
/// <list type="number">
/// <item>for each target x_i, build a mutant v = base + F (x_r1 - x_r2), with base a random member r0
/// (rand/1) or the best (best/1), and r0, r1, r2, i all distinct;</item>
/// <item>binomial crossover: each coordinate comes from v with probability CR, and one random coordinate
/// always does; a coordinate that leaves the box is put back at a random point between the bound and the
/// base's coordinate (bounce-back), so members never stick to a bound;</item>
/// <item>evaluate every trial, in parallel;</item>
/// <item>one-to-one greedy replacement: the trial replaces its target when at least as fit.</item>
/// </list>
/// Restarts (optional, <see cref="DeSettings.RestartAfter"/>): when the population's best has not risen by
/// <see cref="DeSettings.RestartTolerance"/> for that many generations, its best member is set aside and the
/// whole population is drawn afresh from the box. A small population that has converged on a plateau seldom
/// leaves it; a fresh one often finds another basin. The run's result is the best member ever seen.
/// Resampled fitness (<see cref="IResampledFitness"/>): before each generation the fitness draws its sample and
/// the population is rescored on it, so a trial and its target are always compared on the same sample and a
/// member cannot keep its place on one lucky draw; and the run ends by scoring its last population on
/// <see cref="FinalDraws"/> more draws and keeping the best mean, since the best on one draw is partly luck.
/// Determinism: every random draw comes from one generator seeded by the run, drawn on the calling
/// thread in a fixed order before evaluation; evaluation is pure. So a seed gives the same run bit for bit
/// on any number of threads.
/// </remarks>
public static class DifferentialEvolution
{
    /// <summary>The draws a resampled run's last population is scored on to choose its result.</summary>
    public const int FinalDraws = 8;

    /// <summary>Runs DE; <paramref name="onGeneration"/> is called on the calling thread after every generation.</summary>
    public static DeResult Run(IFitnessFunction fitness, DeSettings settings, Action<DeProgress>? onGeneration = null, CancellationToken cancellation = default)
    {
        settings.EnsureValid();
        var bounds = fitness.Bounds;
        var boundProblems = bounds.Validate();
        if (boundProblems.Count > 0)
        {
            throw new ArgumentException("invalid search space: " + string.Join("; ", boundProblems));
        }

        var n = settings.Population;
        var d = bounds.Dimensions;
        if (settings.InitialMembers?.FirstOrDefault(m => m.Length != d || m.Any(x => !(x >= bounds.Min && x <= bounds.Max))) is { } misfit)
        {
            throw new ArgumentException($"an initial member ({misfit.Length} values) does not fit the search space ({d} values in [{bounds.Min}, {bounds.Max}])");
        }

        var random = new Random(settings.Seed);
        var members = new double[n][];
        var trials = new double[n][];
        for (var i = 0; i < n; i++)
        {
            members[i] = new double[d];
            trials[i] = new double[d];
        }

        DrawUniform(members, bounds, random);
        for (var i = 0; i < (settings.InitialMembers?.Count ?? 0); i++)
        {
            settings.InitialMembers![i].CopyTo(members[i], 0);
        }

        var resampled = fitness as IResampledFitness;
        var redraws = resampled?.Resample(0) == true;
        using var evaluators = new EvaluatorPool(fitness);
        var scores = new Evaluation[n];
        var trialScores = new Evaluation[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.EffectiveThreads };
        evaluators.EvaluateAll(members, scores, parallel);
        long evaluations = n;
        var history = new List<DeProgress> { Summarise(0, scores[BestIndex(scores)], scores, evaluations, 0) };
        onGeneration?.Invoke(history[^1]);

        var stop = DeStop.GenerationLimit;
        var archive = new Archive();
        var plateau = new Plateau(scores[BestIndex(scores)].Fitness, settings.RestartTolerance);
        var restarts = 0;
        for (var generation = 1; generation <= settings.MaxGenerations; generation++)
        {
            if (settings.StopWhenSolved && archive.Best(members, scores).Score.Solves)
            {
                stop = DeStop.Solved;
                break;
            }

            if (cancellation.IsCancellationRequested)
            {
                stop = DeStop.Cancelled;
                break;
            }

            if (redraws)
            {
                resampled!.Resample(generation);
                evaluators.EvaluateAll(members, scores, parallel);
                evaluations += n;
            }

            var best = BestIndex(scores);
            for (var i = 0; i < n; i++)
            {
                BuildTrial(members, i, best, settings, bounds, random, trials[i]);
            }

            evaluators.EvaluateAll(trials, trialScores, parallel);
            evaluations += n;
            for (var i = 0; i < n; i++)
            {
                if (trialScores[i].Fitness >= scores[i].Fitness)
                {
                    (members[i], trials[i]) = (trials[i], members[i]);
                    scores[i] = trialScores[i];
                }
            }

            if (settings.RestartAfter > 0 && plateau.Stalled(scores[BestIndex(scores)].Fitness, settings.RestartAfter))
            {
                archive.Keep(members, scores);
                DrawUniform(members, bounds, random);
                evaluators.EvaluateAll(members, scores, parallel);
                evaluations += n;
                plateau = new Plateau(scores[BestIndex(scores)].Fitness, settings.RestartTolerance);
                restarts++;
            }

            history.Add(Summarise(generation, archive.Best(members, scores).Score, scores, evaluations, restarts));
            onGeneration?.Invoke(history[^1]);
        }

        var (winner, winnerScore) = archive.Best(members, scores);
        if (stop != DeStop.Cancelled && redraws)
        {
            archive.Keep(members, scores);
            (winner, winnerScore) = ChooseOnFreshDraws(members, archive, resampled!, history[^1].Generation, evaluators, parallel);
            evaluations += (members.Length + 1) * FinalDraws;
            history[^1] = history[^1] with { BestFitness = winnerScore.Fitness, BestSolves = winnerScore.Solves, Evaluations = evaluations };
        }

        if (stop == DeStop.GenerationLimit && settings.StopWhenSolved && winnerScore.Solves)
        {
            stop = DeStop.Solved;
        }

        return new DeResult([.. winner], winnerScore, stop, history);
    }

    /// <summary>The population and the archived best, each scored by its mean over the draws after <paramref name="last"/>: the fittest.</summary>
    private static (double[] Member, Evaluation Score) ChooseOnFreshDraws(double[][] members, Archive archive, IResampledFitness fitness, int last, EvaluatorPool evaluators, ParallelOptions parallel)
    {
        double[][] candidates = [.. members, archive.Member!];
        var sums = new double[candidates.Length];
        var solves = Enumerable.Repeat(true, candidates.Length).ToArray();
        var scores = new Evaluation[candidates.Length];
        for (var draw = 1; draw <= FinalDraws; draw++)
        {
            fitness.Resample(last + draw);
            evaluators.EvaluateAll(candidates, scores, parallel);
            for (var i = 0; i < candidates.Length; i++)
            {
                sums[i] += scores[i].Fitness;
                solves[i] &= scores[i].Solves;
            }
        }

        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (sums[i] > sums[best])
            {
                best = i;
            }
        }

        return ([.. candidates[best]], new Evaluation(sums[best] / FinalDraws, solves[best]));
    }

    private static void DrawUniform(double[][] members, SearchBounds bounds, Random random)
    {
        foreach (var member in members)
        {
            for (var j = 0; j < member.Length; j++)
            {
                member[j] = bounds.Min + random.NextDouble() * (bounds.Max - bounds.Min);
            }
        }
    }

    private static void BuildTrial(double[][] members, int target, int best, DeSettings settings, SearchBounds bounds, Random random, double[] trial)
    {
        var n = members.Length;
        int r0, r1, r2;
        do
        {
            r0 = settings.Strategy == DeStrategy.BestOneBin ? best : random.Next(n);
        }
        while (r0 == target && settings.Strategy == DeStrategy.RandOneBin);

        do
        {
            r1 = random.Next(n);
        }
        while (r1 == target || r1 == r0);

        do
        {
            r2 = random.Next(n);
        }
        while (r2 == target || r2 == r0 || r2 == r1);

        var x = members[target];
        var b = members[r0];
        var a1 = members[r1];
        var a2 = members[r2];
        var forced = random.Next(trial.Length);
        for (var j = 0; j < trial.Length; j++)
        {
            // Draw the crossover coin for every coordinate so the draw order never depends on the outcome.
            var fromMutant = random.NextDouble() < settings.CR || j == forced;
            var bounce = random.NextDouble();
            if (!fromMutant)
            {
                trial[j] = x[j];
                continue;
            }

            var v = b[j] + settings.F * (a1[j] - a2[j]);
            trial[j] = v < bounds.Min ? bounds.Min + bounce * (b[j] - bounds.Min)
                : v > bounds.Max ? bounds.Max - bounce * (bounds.Max - b[j])
                : v;
        }
    }

    private static int BestIndex(Evaluation[] scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i].Fitness > scores[best].Fitness)
            {
                best = i;
            }
        }

        return best;
    }

    private static DeProgress Summarise(int generation, Evaluation best, Evaluation[] scores, long evaluations, int restarts)
    {
        var mean = 0.0;
        foreach (var score in scores)
        {
            mean += score.Fitness;
        }

        return new DeProgress(generation, best.Fitness, mean / scores.Length, best.Solves, evaluations, restarts);
    }

    /// <summary>The best member of the populations that restarts threw away.</summary>
    private sealed class Archive
    {
        private double[]? _member;
        private Evaluation _score;

        public double[]? Member => _member;

        public void Keep(double[][] members, Evaluation[] scores)
        {
            var best = BestIndex(scores);
            if (_member is null || scores[best].Fitness > _score.Fitness)
            {
                _member = [.. members[best]];
                _score = scores[best];
            }
        }

        /// <summary>The best so far: the population's unless a discarded one was strictly fitter.</summary>
        public (double[] Member, Evaluation Score) Best(double[][] members, Evaluation[] scores)
        {
            var best = BestIndex(scores);
            return _member is not null && _score.Fitness > scores[best].Fitness ? (_member, _score) : (members[best], scores[best]);
        }
    }

    /// <summary>How long the population's best has gone without rising by the tolerance.</summary>
    private struct Plateau(double level, double tolerance)
    {
        private double _level = level;
        private int _generations;

        public bool Stalled(double best, int limit)
        {
            if (best >= _level + tolerance)
            {
                _level = best;
                _generations = 0;
                return false;
            }

            return ++_generations >= limit;
        }
    }

    /// <summary>One evaluator per worker, reused across generations.</summary>
    private sealed class EvaluatorPool(IFitnessFunction fitness) : IDisposable
    {
        private readonly ConcurrentBag<IFitnessEvaluator> _idle = [];

        public void EvaluateAll(double[][] candidates, Evaluation[] results, ParallelOptions options) =>
            Parallel.For(0, candidates.Length, options, () => _idle.TryTake(out var e) ? e : fitness.CreateEvaluator(),
                (i, _, evaluator) =>
                {
                    results[i] = evaluator.Evaluate(candidates[i]);
                    return evaluator;
                },
                evaluator => _idle.Add(evaluator));

        public void Dispose()
        {
            while (_idle.TryTake(out var evaluator))
            {
                (evaluator as IDisposable)?.Dispose();
            }
        }
    }
}
