using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Evolution;
using Hpnna.Training.Experiments;

namespace Hpnna.Training.Robustness;

/// <summary>
/// One program (Pr, Pl or a goal code G1..G8) judged where it works: inside the whole hierarchy, the other
/// programs taken from their libraries, in depth-3 mazes, as it is and under code noise on every code. For
/// hardening learned programs against program noise: each level refined alone on its own task under noise
/// (<see cref="RobustFitness"/>) got more robust there but changed how the levels meet (a refined Pr turned at
/// junctions in ways L2 was not trained for, a refined goal code switched at moments that crashed the robot
/// at lambda 4), so noise-free runs failed that had succeeded.
/// </summary>
/// <remarks>
/// A primitive is judged on every goal, a goal code on its own. An episode scores 1 at the commanded goal, 0 at
/// another goal or out of time, and -1 for a crash; the fitness is the mean over (maze size, goal, copy), copy 0
/// being noise-free. Every copy's noise and every episode's sonar noise are drawn once from the seed (common
/// random numbers), so the fitness is a pure function of the candidate and DE stays deterministic on any
/// number of threads. The candidate solves the task when every episode reaches its goal.
/// Guard sizes keep a refinement from trading what already works for robustness: there the candidate must
/// reach every goal noise-free (no code or sonar noise, as the shipped-library tests run it), or its fitness
/// drops by 2, below that of any candidate that does; so from a start that passes, the best never fails them.
/// </remarks>
public sealed class HierarchyFitness : IFitnessFunction
{
    private readonly string _program;
    private readonly ProgramLibrary _l1;
    private readonly ProgramLibrary _l2;
    private readonly double[] _pr;
    private readonly double[] _pl;
    private readonly TMaze[] _mazes;
    private readonly Scenario[] _scenarios;
    private readonly Scenario[] _guards;
    private readonly EpisodeSettings _episode = EpisodeSettings.Default with { TimeLimit = 90 };

    /// <param name="program">The program the candidates stand for: Pr, Pl or G1..G8.</param>
    /// <param name="guardLambdas">Maze sizes where every goal must still be reached noise-free (none: no guard).</param>
    public HierarchyFitness(string program, ProgramLibrary l1, ProgramLibrary l2, IReadOnlyList<double> lambdas, double noise, int copies, int seed, IReadOnlyList<double>? guardLambdas = null)
    {
        var isGoal = l2.Contains(program);
        if (!(program is "Pr" or "Pl" || isGoal) || !l1.Contains("Pr") || !l1.Contains("Pl") || lambdas.Count == 0 || !(noise >= 0 && noise <= 1) || copies < 0)
        {
            throw new ArgumentException($"in-hierarchy training refines Pr, Pl or a goal code of the L2 library, with Pr and Pl in the L1 library, in at least one maze size, under code noise in [0, 1] (got {program}, L1 {string.Join(", ", l1.Programs.Select(p => p.Name))}, {lambdas.Count} sizes, noise {noise}, {copies} copies)");
        }

        _program = program;
        _l1 = l1;
        _l2 = l2;
        _pr = [.. l1["Pr"].Code];
        _pl = [.. l1["Pl"].Code];
        Lambdas = lambdas;
        Noise = noise;
        var layer = isGoal ? l2.Interpreter : l1.Interpreter;
        Bounds = new SearchBounds(layer.CodeLength, layer.WeightRange.Min, layer.WeightRange.Max);
        guardLambdas ??= [];
        _mazes = [.. lambdas.Concat(guardLambdas).Select(l => TMazeGenerator.Generate(new TMazeSpec(3, MazeScale.Default.DeltaFor(l), TMazeSpec.DefaultWidth)))];
        string[] goals = isGoal ? [program] : [.. Enumerable.Range(1, 8).Select(g => $"G{g}")];
        _guards = [.. Enumerable.Range(lambdas.Count, guardLambdas.Count).SelectMany(m => goals.Select(goal =>
            new Scenario(m, goal, [.. l2[goal].Code], new double[_pr.Length], new double[_pl.Length], new double[l2.Interpreter.CodeLength], 1)))];
        var scenarios = new List<Scenario>();
        for (var m = 0; m < lambdas.Count; m++)
        {
            for (var g = 0; g < goals.Length; g++)
            {
                for (var c = 0; c <= copies; c++)
                {
                    var random = new Random(TrialSeed.Of(seed, m, g, c));
                    double[] Deviates(int length) => [.. Enumerable.Range(0, length).Select(_ => c == 0 ? 0 : Gaussian.Next(random))];
                    scenarios.Add(new Scenario(m, goals[g], [.. l2[goals[g]].Code], Deviates(_pr.Length), Deviates(_pl.Length), Deviates(l2.Interpreter.CodeLength), random.Next()));
                }
            }
        }

        _scenarios = [.. scenarios];
    }

    public IReadOnlyList<double> Lambdas { get; }

    public double Noise { get; }

    /// <summary>Scored episodes per evaluation (the guard episodes come on top).</summary>
    public int Episodes => _scenarios.Length;

    /// <summary>Noise-free episodes that must all reach their goals.</summary>
    public int GuardEpisodes => _guards.Length;

    public SearchBounds Bounds { get; }

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(this);

    /// <summary>One episode's setting: maze, goal and its code, the standard deviates of Pr's, Pl's and the goal code's noise, and the sonar noise seed.</summary>
    private sealed record Scenario(int Maze, string Goal, double[] GoalCode, double[] PrDeviates, double[] PlDeviates, double[] GoalDeviates, int Seed);

    private sealed class Evaluator(HierarchyFitness owner) : IFitnessEvaluator
    {
        private readonly double[] _pr = new double[owner._pr.Length];
        private readonly double[] _pl = new double[owner._pl.Length];
        private readonly double[] _goal = new double[owner._l2.Interpreter.CodeLength];

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            var guardsPassed = true;
            foreach (var s in owner._guards)
            {
                guardsPassed &= Run(candidate, s, SonarNoise.None).Success;
            }

            var total = 0.0;
            var solves = guardsPassed;
            foreach (var s in owner._scenarios)
            {
                var result = Run(candidate, s, new SonarNoise(0.02));
                total += result.Outcome switch
                {
                    EpisodeOutcome.GoalReached => 1,
                    EpisodeOutcome.Crash => -1,
                    _ => 0,
                };
                solves &= result.Success;
            }

            return new Evaluation((total / owner._scenarios.Length) - (guardsPassed ? 0 : 2), solves);
        }

        private EpisodeResult Run(ReadOnlySpan<double> candidate, Scenario s, SonarNoise sonar)
        {
            var l1 = owner._l1.Interpreter;
            var l2 = owner._l2.Interpreter;
            CodeNoise.Apply(owner._program == "Pr" ? candidate : owner._pr, owner.Noise, l1.WeightRange, s.PrDeviates, _pr);
            CodeNoise.Apply(owner._program == "Pl" ? candidate : owner._pl, owner.Noise, l1.WeightRange, s.PlDeviates, _pl);
            CodeNoise.Apply(owner._program == s.Goal ? candidate : s.GoalCode, owner.Noise, l2.WeightRange, s.GoalDeviates, _goal);
            var controller = HpnnaController.Create(l1, l2, _pr, _pl, _goal, SonarLayouts.PioneerFrontRing, owner._episode.ControlPeriod);
            return MazeEpisode.Create(owner._mazes[s.Maze], controller, s.Goal, s.Seed, owner._episode, sonar).Run();
        }
    }
}
