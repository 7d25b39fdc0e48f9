using Hpnna.Core.Interpreters;
using Hpnna.Core.Layers;
using Hpnna.Programs.Library;
using Hpnna.Robot.Control;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Sequencing;

namespace Hpnna.Training.Robustness;

/// <summary>
/// The whole hierarchy with one program (Pr, Pl or a goal code) replaced by a candidate, the others taken from
/// their libraries: runs maze episodes of it, the robot carrying the sensors its L1 library was trained with,
/// optionally with code noise on every code. One thread per
/// instance (it keeps the noisy codes as scratch).
/// </summary>
internal sealed class CandidateHierarchy
{
    private readonly string _program;
    private readonly ProgramLibrary _l1;
    private readonly SonarSetup _sonars;
    private readonly ProgramLibrary _l2;
    private readonly double[][] _pr;
    private readonly double[][] _pl;
    private readonly double[][] _goal;

    /// <exception cref="ArgumentException">Unless <paramref name="program"/> is Pr, Pl or a goal (G1..G8; a goal code need not be in <paramref name="l2"/> yet, it is judged alone), with Pr and Pl in <paramref name="l1"/>.</exception>
    public CandidateHierarchy(string program, ProgramLibrary l1, ProgramLibrary l2)
    {
        IsGoal = GoalTask.All.Any(t => t.Goal == program);
        if (!(program is "Pr" or "Pl" || IsGoal) || !l1.Contains("Pr") || !l1.Contains("Pl"))
        {
            throw new ArgumentException($"in-hierarchy training refines Pr, Pl or a goal code (G1..G8), with Pr and Pl in the L1 library (got {program}, L1 {string.Join(", ", l1.Programs.Select(p => p.Name))})");
        }

        _program = program;
        _sonars = SonarSetup.ForLayout(l1.Sensors);
        _l1 = l1;
        _l2 = l2;
        _pr = CodeDeviates.Lines(InterpreterTopologies.L1Modules, l1.Interpreter.CodeLength);
        _pl = CodeDeviates.Lines(InterpreterTopologies.L1Modules, l1.Interpreter.CodeLength);
        _goal = CodeDeviates.Lines(InterpreterTopologies.L2Modules, l2.Interpreter.CodeLength);
        Goals = IsGoal ? [program] : [.. GoalTask.All.Select(t => t.Goal)];
    }

    /// <summary>Whether the candidate stands for a goal code (else a primitive).</summary>
    public bool IsGoal { get; }

    /// <summary>The goals a candidate is judged on: its own for a goal code, all eight for a primitive.</summary>
    public IReadOnlyList<string> Goals { get; }

    /// <summary>
    /// One episode to <paramref name="goal"/>: every code c becomes c (1 + noise z) with its deviate z (all
    /// zero: noise-free), the candidate standing for its program.
    /// </summary>
    public EpisodeResult Run(ReadOnlySpan<double> candidate, TMaze maze, string goal, double noise, in CodeDeviates deviates, SonarNoise sonar, int seed, EpisodeSettings episode)
    {
        var l1 = _l1.Interpreter;
        var l2 = _l2.Interpreter;
        Perturb(_program == "Pr" ? candidate : _l1["Pr"].Code, noise, l1.WeightRange, deviates.Pr, _pr);
        Perturb(_program == "Pl" ? candidate : _l1["Pl"].Code, noise, l1.WeightRange, deviates.Pl, _pl);
        Perturb(_program == goal ? candidate : _l2[goal].Code, noise, l2.WeightRange, deviates.Goal, _goal);
        var controller = HpnnaController.Create(l1, l2, _pr, _pl, _goal, _sonars.Layout, episode.ControlPeriod);
        return MazeEpisode.Create(maze, controller, goal, seed, episode, sonar, sonars: _sonars).Run();
    }

    /// <summary>Each voting module's lines: <paramref name="code"/> under its own deviates.</summary>
    private static void Perturb(ReadOnlySpan<double> code, double noise, WeightRange range, double[][] deviates, double[][] lines)
    {
        for (var m = 0; m < lines.Length; m++)
        {
            CodeNoise.Apply(code, noise, range, deviates[m], lines[m]);
        }
    }
}

/// <summary>The standard deviates of one episode's code noise: per voting module, one per value of Pr, Pl (L1's modules) and the goal code (L2's).</summary>
internal readonly record struct CodeDeviates(double[][] Pr, double[][] Pl, double[][] Goal)
{
    public static CodeDeviates None(ProgramLibrary l1, ProgramLibrary l2) => new(
        Lines(InterpreterTopologies.L1Modules, l1.Interpreter.CodeLength),
        Lines(InterpreterTopologies.L1Modules, l1.Interpreter.CodeLength),
        Lines(InterpreterTopologies.L2Modules, l2.Interpreter.CodeLength));

    /// <summary>One zeroed array of <paramref name="length"/> per module.</summary>
    public static double[][] Lines(int modules, int length) => [.. Enumerable.Range(0, modules).Select(_ => new double[length])];
}
