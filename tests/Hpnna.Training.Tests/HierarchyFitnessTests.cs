using Hpnna.Core.Interpreters;
using Hpnna.Programs.Library;
using Hpnna.Training.Robustness;

namespace Hpnna.Training.Tests;

/// <summary>A primitive judged inside the whole hierarchy, with the shipped programs.</summary>
public sealed class HierarchyFitnessTests
{
    private static readonly ProgramLibrary L1 = ProgramLibrary.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l1-primitives.json"), InterpreterTopologies.L1());
    private static readonly ProgramLibrary L2 = ProgramLibrary.Load(Path.Combine(AppContext.BaseDirectory, "programs", "l2-goals.json"), InterpreterTopologies.L2());

    [Fact]
    public void The_shipped_primitive_reaches_every_goal_noise_free_and_a_blank_code_reaches_none()
    {
        var fitness = new HierarchyFitness("Pr", L1, L2, [3.0], noise: 0, copies: 0, seed: 1);

        var shipped = fitness.CreateEvaluator().Evaluate([.. L1["Pr"].Code]);
        var blank = fitness.CreateEvaluator().Evaluate(new double[L1.Interpreter.CodeLength]);

        Assert.Equal(8, fitness.Episodes);
        Assert.Equal((1.0, true), (shipped.Fitness, shipped.Solves));
        Assert.False(blank.Solves);
        Assert.True(blank.Fitness < 1, $"blank {blank.Fitness}");
    }

    [Fact]
    public void Under_noise_it_is_a_pure_function_of_the_candidate_and_the_seed()
    {
        double[] pl = [.. L1["Pl"].Code];
        var first = new HierarchyFitness("Pl", L1, L2, [2.5], noise: 0.2, copies: 1, seed: 5);
        var again = new HierarchyFitness("Pl", L1, L2, [2.5], noise: 0.2, copies: 1, seed: 5);

        var a = first.CreateEvaluator().Evaluate(pl);
        Assert.Equal(a, first.CreateEvaluator().Evaluate(pl));
        Assert.Equal(a, again.CreateEvaluator().Evaluate(pl));
        Assert.Equal(16, first.Episodes);
        Assert.InRange(a.Fitness, -1, 1);
    }

    [Fact]
    public void A_goal_code_is_judged_on_its_own_goal_only()
    {
        var fitness = new HierarchyFitness("G6", L1, L2, [3.0, 4.0], noise: 0, copies: 0, seed: 1);

        Assert.Equal(2, fitness.Episodes);
        Assert.Equal(L2.Interpreter.CodeLength, fitness.Bounds.Dimensions);
        Assert.Equal(new(1.0, true), fitness.CreateEvaluator().Evaluate([.. L2["G6"].Code]));
        Assert.False(fitness.CreateEvaluator().Evaluate([.. L2["G1"].Code]).Solves);
    }

    [Fact]
    public void Noise_on_the_candidates_level_leaves_the_other_level_exact()
    {
        // G8 (right, right, right) survives heavy noise on its own code; Pr and Pl under the same noise do not
        // (60%: at 30% the five voting L1 modules hold).
        double[] g8 = [.. L2["G8"].Code];
        var own = new HierarchyFitness("G8", L1, L2, [3.0], noise: 0.6, copies: 6, seed: 2, HierarchyNoise.Level);
        var every = new HierarchyFitness("G8", L1, L2, [3.0], noise: 0.6, copies: 6, seed: 2, HierarchyNoise.Every);

        Assert.Equal(new(1.0, true), own.CreateEvaluator().Evaluate(g8));
        Assert.False(every.CreateEvaluator().Evaluate(g8).Solves);
        Assert.Equal(HierarchyNoise.Level, new HierarchyFitness("G8", L1, L2, [3.0], 0.1, 1, 1).NoiseOn);
    }

    [Fact]
    public void A_clearance_credit_pays_for_distance_kept_and_nothing_for_a_crash()
    {
        // Noise-free, G1 keeps more than the cap from every wall; a blank Pr crashes in some episodes, and a crash's clearance is 0.
        double[] blank = new double[L1.Interpreter.CodeLength];
        var wide = new HierarchyFitness("G1", L1, L2, [3.0], noise: 0, copies: 0, seed: 1, clearanceCredit: 1).CreateEvaluator().Evaluate([.. L2["G1"].Code]);
        var plain = new HierarchyFitness("Pr", L1, L2, [3.0], noise: 0, copies: 0, seed: 1).CreateEvaluator().Evaluate(blank).Fitness;
        var graded = new HierarchyFitness("Pr", L1, L2, [3.0], noise: 0, copies: 0, seed: 1, clearanceCredit: 1).CreateEvaluator().Evaluate(blank).Fitness;

        Assert.Equal(new(1.0, true), wide);
        Assert.True(plain < 0, $"the blank Pr crashed nowhere ({plain})");
        // graded = (plain + the mean credit) / 2, that mean below 1 since the crashes earned none.
        Assert.InRange(graded, plain / 2, ((plain + 1) / 2) - 1e-9);
        Assert.Contains("clearance credit", Assert.Throws<ArgumentException>(() => new HierarchyFitness("G1", L1, L2, [3.0], 0, 0, 1, clearanceCredit: 1.5)).Message);
    }

    [Theory]
    [InlineData("Pc")]
    [InlineData("G9")]
    public void Only_Pr_Pl_or_a_goal_code_can_be_refined_in_the_hierarchy(string program)
    {
        var error = Assert.Throws<ArgumentException>(() => new HierarchyFitness(program, L1, L2, [3.0], 0.1, 1, 1));
        Assert.Contains("refines Pr, Pl or a goal code", error.Message);
        Assert.Contains("refines Pr, Pl or a goal code", Assert.Throws<ArgumentException>(() => new MazeGuard(program, L1, L2, [3.0])).Message);
    }

    [Fact]
    public void The_guard_passes_the_shipped_goal_code_and_costs_a_failing_one_the_penalty()
    {
        var guard = new MazeGuard("G6", L1, L2, [2.0, 4.0]);
        var checker = guard.CreateChecker();
        var scored = new HierarchyFitness("G6", L1, L2, [3.0], noise: 0, copies: 0, seed: 1);
        var guarded = new GuardedFitness(scored, guard).CreateEvaluator();
        double[] wrong = [.. L2["G1"].Code];

        Assert.Equal(2 * (1 + MazeGuard.NoisySonarRuns), guard.Episodes);
        Assert.True(checker.Passes([.. L2["G6"].Code]));
        Assert.False(checker.Passes(wrong));
        Assert.Equal(new(1.0, true), guarded.Evaluate([.. L2["G6"].Code]));
        var unguarded = scored.CreateEvaluator().Evaluate(wrong);
        Assert.Equal(new(unguarded.Fitness - GuardedFitness.Penalty, false), guarded.Evaluate(wrong));
    }

    [Fact]
    public void A_goal_code_is_guarded_alone_so_its_library_need_not_hold_it_yet()
    {
        var empty = new ProgramLibrary(L2.Interpreter, []);
        var checker = new MazeGuard("G6", L1, empty, [2.0]).CreateChecker();

        Assert.True(checker.Passes([.. L2["G6"].Code]));
        Assert.False(checker.Passes([.. L2["G1"].Code]));
    }
}
