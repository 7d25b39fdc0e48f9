using Hpnna.Training.Evolution;
using Xunit;

namespace Hpnna.Training.Tests;

public sealed class DifferentialEvolutionTests
{
    [Theory]
    [InlineData(DeStrategy.RandOneBin)]
    [InlineData(DeStrategy.BestOneBin)]
    public void Finds_the_minimum_of_the_sphere(DeStrategy strategy)
    {
        var result = DifferentialEvolution.Run(new Benchmark(5, -5, 5, Sphere, target: 1e-8), new DeSettings { Strategy = strategy, MaxGenerations = 2000, Seed = 3 });

        Assert.Equal(DeStop.Solved, result.Stop);
        Assert.All(result.Best, x => Assert.InRange(x, -1e-3, 1e-3));
    }

    [Fact]
    public void Finds_the_Rosenbrock_valley_floor_at_one()
    {
        var result = DifferentialEvolution.Run(
            new Benchmark(3, -2, 2, Rosenbrock, target: 1e-8),
            new DeSettings { Population = 30, F = 0.6, CR = 0.9, MaxGenerations = 5000, Seed = 5 });

        Assert.Equal(DeStop.Solved, result.Stop);
        Assert.All(result.Best, x => Assert.InRange(x, 0.99, 1.01));
    }

    [Fact]
    public void Best_fitness_never_gets_worse_from_one_generation_to_the_next()
    {
        var result = DifferentialEvolution.Run(new Benchmark(4, -5, 5, Rosenbrock, target: 0), new DeSettings { MaxGenerations = 200, Seed = 9 });

        for (var g = 1; g < result.History.Count; g++)
        {
            Assert.True(result.History[g].BestFitness >= result.History[g - 1].BestFitness);
        }

        Assert.Equal(DeStop.GenerationLimit, result.Stop);
        Assert.Equal(200, result.Generations);
        Assert.Equal(20 * 201, result.Evaluations);
    }

    [Fact]
    public void The_same_seed_gives_the_same_run_bit_for_bit_on_one_thread_or_many()
    {
        var fitness = new Benchmark(6, -5, 5, Rosenbrock, target: 0);
        var runs = new[] { 1, 2, 4, 8 }
            .Select(threads => DifferentialEvolution.Run(fitness, new DeSettings { MaxGenerations = 150, Seed = 11, Threads = threads }))
            .ToList();

        foreach (var run in runs.Skip(1))
        {
            Assert.Equal(runs[0].Best, run.Best);
            Assert.Equal(runs[0].History.Select(h => h.MeanFitness), run.History.Select(h => h.MeanFitness));
        }

        var other = DifferentialEvolution.Run(fitness, new DeSettings { MaxGenerations = 150, Seed = 12 });
        Assert.NotEqual(runs[0].Best, other.Best);
    }

    [Fact]
    public void Every_evaluated_candidate_stays_inside_the_bounds()
    {
        // The optimum lies outside the box, so mutants keep pushing past the upper bound.
        var seen = new List<double>();
        var fitness = new Benchmark(3, -1, 0.5, x => Sphere(x.ToArray().Select(v => v - 3).ToArray()), target: double.NegativeInfinity, observe: seen);

        var result = DifferentialEvolution.Run(fitness, new DeSettings { MaxGenerations = 300, Seed = 2, Threads = 1 });

        Assert.All(seen, x => Assert.InRange(x, -1, 0.5));
        Assert.All(result.Best, x => Assert.InRange(x, 0.49, 0.5));
    }

    [Fact]
    public void Restarts_escape_the_local_minima_where_a_small_population_settles()
    {
        // Rastrigin in 4 dimensions has a local minimum at every integer point; a population of 8 settles in
        // one of them. Restarted after 30 generations without progress, the same budget finds the global one
        // for most seeds, without restarts for few.
        var fitness = new Benchmark(4, -5.12, 5.12, Rastrigin, target: 1e-6);
        int Solved(int restartAfter) => Enumerable.Range(1, 10).Count(seed =>
            DifferentialEvolution.Run(fitness, new DeSettings { Population = 8, MaxGenerations = 3000, RestartAfter = restartAfter, Seed = seed }).Stop == DeStop.Solved);

        var plain = Solved(0);
        var restarted = Solved(30);

        Assert.True(restarted >= plain + 4, $"solved {restarted} of 10 with restarts, {plain} without");
    }

    [Fact]
    public void A_restarted_run_keeps_the_best_member_it_ever_saw_and_counts_every_evaluation()
    {
        var result = DifferentialEvolution.Run(new Benchmark(4, -5.12, 5.12, Rastrigin, target: 0),
            new DeSettings { Population = 8, MaxGenerations = 400, RestartAfter = 20, Seed = 3 });

        var restarts = result.History[^1].Restarts;
        Assert.True(restarts >= 2, $"{restarts} restarts");
        for (var g = 1; g < result.History.Count; g++)
        {
            Assert.True(result.History[g].BestFitness >= result.History[g - 1].BestFitness);
        }

        Assert.Equal(result.History.Max(h => h.BestFitness), result.BestEvaluation.Fitness);
        Assert.Equal(-Rastrigin(result.Best), result.BestEvaluation.Fitness);
        Assert.Equal(8 * (401 + restarts), result.Evaluations);
    }

    [Fact]
    public void A_restarted_run_is_the_same_bit_for_bit_on_one_thread_or_many()
    {
        var fitness = new Benchmark(4, -5.12, 5.12, Rastrigin, target: 0);
        var runs = new[] { 1, 3 }
            .Select(threads => DifferentialEvolution.Run(fitness, new DeSettings { Population = 8, MaxGenerations = 300, RestartAfter = 20, Seed = 5, Threads = threads }))
            .ToList();

        Assert.True(runs[0].History[^1].Restarts > 0);
        Assert.Equal(runs[0].Best, runs[1].Best);
        Assert.Equal(runs[0].History, runs[1].History);
    }

    [Fact]
    public void A_cancelled_run_stops_and_keeps_the_best_so_far()
    {
        using var cancel = new CancellationTokenSource();
        var result = DifferentialEvolution.Run(new Benchmark(5, -5, 5, Sphere, target: 0), new DeSettings { MaxGenerations = 10_000, Seed = 1 },
            progress => { if (progress.Generation == 25) cancel.Cancel(); }, cancel.Token);

        Assert.Equal(DeStop.Cancelled, result.Stop);
        Assert.Equal(25, result.Generations);
        Assert.Equal(result.History[^1].BestFitness, result.BestEvaluation.Fitness);
    }

    [Fact]
    public void A_run_refining_known_members_starts_from_them()
    {
        // Rosenbrock in 4 dimensions: from random starts 30 generations stay far from the valley floor; from a
        // first generation around the optimum the best is already there and never gets worse.
        var fitness = new Benchmark(4, -5, 5, Rosenbrock, target: 0);
        var near = Enumerable.Range(0, 20).Select(i => Enumerable.Repeat(1.0 + (i * 0.01), 4).ToArray()).ToArray();

        var refined = DifferentialEvolution.Run(fitness, new DeSettings { MaxGenerations = 30, Seed = 4, StopWhenSolved = false, InitialMembers = near });
        var fresh = DifferentialEvolution.Run(fitness, new DeSettings { MaxGenerations = 30, Seed = 4, StopWhenSolved = false });

        Assert.Equal(0, refined.History[0].BestFitness);
        Assert.All(refined.Best, x => Assert.InRange(x, 1.0, 1.2));
        Assert.True(fresh.BestEvaluation.Fitness < -1e-3, $"fresh best {fresh.BestEvaluation.Fitness}");
    }

    [Fact]
    public void Initial_members_that_do_not_fit_are_refused()
    {
        var fitness = new Benchmark(2, -1, 1, Sphere, 0);

        Assert.Contains("must fill the population", Assert.Throws<ArgumentException>(() => DifferentialEvolution.Run(fitness, new DeSettings { InitialMembers = [[0, 0]] })).Message);
        Assert.Contains("does not fit the search space", Assert.Throws<ArgumentException>(() => DifferentialEvolution.Run(fitness, new DeSettings { Population = 4, InitialMembers = [[0, 0], [0, 0], [0, 2], [0, 0]] })).Message);
    }

    [Theory]
    [InlineData(3, 0.85, 0.8, 10, "population must be at least 4")]
    [InlineData(20, 0, 0.8, 10, "F must be in (0, 2]")]
    [InlineData(20, 2.5, 0.8, 10, "F must be in (0, 2]")]
    [InlineData(20, 0.85, 1.2, 10, "CR must be in [0, 1]")]
    [InlineData(20, 0.85, double.NaN, 10, "CR must be in [0, 1]")]
    [InlineData(20, 0.85, 0.8, 0, "generations must be at least 1")]
    [InlineData(20, 0.85, 0.8, 10, "restart-after must be 0 (never) or a number of generations", -1)]
    public void Impossible_settings_are_refused_with_one_clear_message(int population, double f, double cr, int generations, string expected, int restartAfter = 0)
    {
        var settings = new DeSettings { Population = population, F = f, CR = cr, MaxGenerations = generations, RestartAfter = restartAfter };

        var error = Assert.Throws<ArgumentException>(() => DifferentialEvolution.Run(new Benchmark(2, -1, 1, Sphere, 0), settings));

        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData(2, 1.0, 1.0)]
    [InlineData(2, 1.0, -1.0)]
    [InlineData(2, double.NaN, 1.0)]
    [InlineData(0, -1.0, 1.0)]
    public void Empty_bounds_are_refused(int dimensions, double min, double max)
    {
        var error = Assert.Throws<ArgumentException>(() => DifferentialEvolution.Run(new Benchmark(dimensions, min, max, Sphere, 0), new DeSettings()));

        Assert.Contains("invalid search space", error.Message);
    }

    private static double Sphere(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v * v;
        }

        return sum;
    }

    private static double Rastrigin(ReadOnlySpan<double> x)
    {
        var sum = 10.0 * x.Length;
        foreach (var v in x)
        {
            sum += v * v - 10 * Math.Cos(2 * Math.PI * v);
        }

        return sum;
    }

    private static double Rosenbrock(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            sum += 100 * Math.Pow(x[i + 1] - x[i] * x[i], 2) + Math.Pow(1 - x[i], 2);
        }

        return sum;
    }

    private delegate double Objective(ReadOnlySpan<double> x);

    /// <summary>A cost function to minimise, as a fitness (its negative) that solves below <paramref name="target"/>.</summary>
    private sealed class Benchmark(int dimensions, double min, double max, Objective cost, double target, List<double>? observe = null) : IFitnessFunction, IFitnessEvaluator
    {
        public SearchBounds Bounds { get; } = new(dimensions, min, max);

        public IFitnessEvaluator CreateEvaluator() => this;

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            if (observe is not null)
            {
                lock (observe)
                {
                    observe.AddRange(candidate.ToArray());
                }
            }

            var c = cost(candidate);
            return new Evaluation(-c, c <= target);
        }
    }
}
