using Hpnna.Core.Interpreters;
using Hpnna.Programs.Library;
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
/// at lambda 4), so noise-free runs failed that had succeeded; wrap it in a <see cref="GuardedFitness"/> to
/// keep those.
/// </summary>
/// <remarks>
/// A primitive is judged on every goal, a goal code on its own. Code noise falls on the candidate's level
/// (<see cref="HierarchyNoise.Level"/>: Pr and Pl for a primitive, as both are blended at every switch; the
/// goal code for a goal code) or on every code (<see cref="HierarchyNoise.Every"/>): with noise on every code,
/// a goal code's fitness was mostly L1's crashes, which no goal code can prevent. An episode scores 1 at the
/// commanded goal, 0 at another goal or out of time, and -1 for a crash; the fitness is the mean over (maze
/// size, goal, copy), copy 0 being noise-free. That score is flat: a small step of DE rarely changes an outcome, so a refinement could
/// stay at its start however long it ran. A <see cref="ClearanceCredit"/> w grades it: an episode scores
/// (outcome + w min(clearance / <see cref="ClearanceCap"/>, 1)) / (1 + w), its clearance being the least gap the
/// robot kept to a wall, so a near miss under noise costs before it becomes a crash (measured: refinements
/// graded so moved, but validated no more robust; README). Every copy's noise and every episode's sonar noise
/// are drawn once from the seed (common random numbers), so the fitness is a pure function of the candidate
/// and DE stays deterministic on any number of threads. The candidate solves the task when every episode
/// reaches its goal.
/// </remarks>
public sealed class HierarchyFitness : IFitnessFunction
{
    private readonly string _program;
    private readonly ProgramLibrary _l1;
    private readonly ProgramLibrary _l2;
    private readonly TMaze[] _mazes;
    private readonly Scenario[] _scenarios;
    private readonly EpisodeSettings _episode = EpisodeSettings.Default with { TimeLimit = 90 };

    /// <summary>
    /// The gap to a wall at and above which an episode earns its whole clearance credit, metres: noise-free,
    /// the hierarchy kept 0.13 to 0.24 m (the programs of 2026-11-29 at lambda 2, 3 and 4; those shipped
    /// since, at least 0.15), so only a nearer pass than a sound run makes costs.
    /// </summary>
    public const double ClearanceCap = 0.15;

    /// <summary>The largest <see cref="ClearanceCredit"/>: beyond it a safe wrong turn would outscore a close success.</summary>
    public const double MaxClearanceCredit = 1;

    public HierarchyFitness(string program, ProgramLibrary l1, ProgramLibrary l2, IReadOnlyList<double> lambdas, double noise, int copies, int seed, HierarchyNoise noiseOn = HierarchyNoise.Level, double clearanceCredit = 0)
    {
        var hierarchy = new CandidateHierarchy(program, l1, l2);
        if (lambdas.Count == 0 || !(noise >= 0 && noise <= 1) || copies < 0 || !(clearanceCredit >= 0 && clearanceCredit <= MaxClearanceCredit))
        {
            throw new ArgumentException($"in-hierarchy training needs at least one maze size, code noise in [0, 1], no negative copies and a clearance credit in [0, {MaxClearanceCredit}] (got {lambdas.Count} sizes, noise {noise}, {copies} copies, credit {clearanceCredit})");
        }

        ClearanceCredit = clearanceCredit;

        _program = program;
        _l1 = l1;
        _l2 = l2;
        Lambdas = lambdas;
        Noise = noise;
        NoiseOn = noiseOn;
        var layer = hierarchy.IsGoal ? l2.Interpreter : l1.Interpreter;
        Bounds = new SearchBounds(layer.CodeLength, layer.WeightRange.Min, layer.WeightRange.Max);
        _mazes = [.. lambdas.Select(TMazeGenerator.Depth3)];
        var goals = hierarchy.Goals;
        var scenarios = new List<Scenario>();
        for (var m = 0; m < lambdas.Count; m++)
        {
            for (var g = 0; g < goals.Count; g++)
            {
                for (var c = 0; c <= copies; c++)
                {
                    var random = new Random(TrialSeed.Of(seed, m, g, c));
                    // Drawn for every code of a noisy copy either way, so a level's deviates do not depend on noiseOn.
                    double[] Deviates(int length, bool level) =>
                        [.. Enumerable.Range(0, length).Select(_ => c == 0 ? 0 : Gaussian.Next(random)).Select(z => level || noiseOn == HierarchyNoise.Every ? z : 0)];
                    var pr = Deviates(l1.Interpreter.CodeLength, !hierarchy.IsGoal);
                    var pl = Deviates(l1.Interpreter.CodeLength, !hierarchy.IsGoal);
                    var goal = Deviates(l2.Interpreter.CodeLength, hierarchy.IsGoal);
                    var episodeSeed = random.Next();

                    // The other voting modules' lines drawn last, so the first modules' draws stay what a single L1 and L2 had.
                    double[][] Lines(double[] first, int modules, int length, bool level) => [first, .. Enumerable.Range(1, modules - 1).Select(_ => Deviates(length, level))];
                    var goalLines = Lines(goal, InterpreterTopologies.L2Modules, l2.Interpreter.CodeLength, hierarchy.IsGoal);
                    var prLines = Lines(pr, InterpreterTopologies.L1Modules, l1.Interpreter.CodeLength, !hierarchy.IsGoal);
                    var plLines = Lines(pl, InterpreterTopologies.L1Modules, l1.Interpreter.CodeLength, !hierarchy.IsGoal);
                    scenarios.Add(new Scenario(m, goals[g], new CodeDeviates(prLines, plLines, goalLines), episodeSeed));
                }
            }
        }

        _scenarios = [.. scenarios];
    }

    public IReadOnlyList<double> Lambdas { get; }

    public double Noise { get; }

    /// <summary>Which codes the noise falls on.</summary>
    public HierarchyNoise NoiseOn { get; }

    /// <summary>The weight of an episode's clearance beside its outcome (0: the outcome alone).</summary>
    public double ClearanceCredit { get; }

    /// <summary>Scored episodes per evaluation.</summary>
    public int Episodes => _scenarios.Length;

    public SearchBounds Bounds { get; }

    public IFitnessEvaluator CreateEvaluator() => new Evaluator(this);

    /// <summary>One episode's setting: maze, goal, the standard deviates of every code's noise, and the sonar noise seed.</summary>
    private sealed record Scenario(int Maze, string Goal, CodeDeviates Deviates, int Seed);

    private sealed class Evaluator(HierarchyFitness owner) : IFitnessEvaluator
    {
        private readonly CandidateHierarchy _hierarchy = new(owner._program, owner._l1, owner._l2);
        private readonly SonarNoise _sonar = new(MazeGuard.SonarSigma);

        public Evaluation Evaluate(ReadOnlySpan<double> candidate)
        {
            var total = 0.0;
            var solves = true;
            foreach (var s in owner._scenarios)
            {
                var result = _hierarchy.Run(candidate, owner._mazes[s.Maze], s.Goal, owner.Noise, s.Deviates, _sonar, s.Seed, owner._episode);
                var outcome = result.Outcome switch
                {
                    EpisodeOutcome.GoalReached => 1,
                    EpisodeOutcome.Crash => -1,
                    _ => 0,
                };
                total += outcome + owner.ClearanceCredit * Math.Min(result.Clearance / ClearanceCap, 1);
                solves &= result.Success;
            }

            return new Evaluation(total / ((1 + owner.ClearanceCredit) * owner._scenarios.Length), solves);
        }
    }
}

/// <summary>Which codes in-hierarchy training's code noise falls on.</summary>
public enum HierarchyNoise
{
    /// <summary>The codes of the candidate's level: Pr and Pl for a primitive, the goal code for a goal code.</summary>
    Level,

    /// <summary>Every code: Pr, Pl and the goal code.</summary>
    Every,
}
