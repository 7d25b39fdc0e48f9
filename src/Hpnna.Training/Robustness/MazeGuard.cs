using Hpnna.Programs.Library;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Sonars;
using Hpnna.Training.Experiments.Maze;

namespace Hpnna.Training.Robustness;

/// <summary>
/// What a refined program must keep: inside the whole hierarchy, with the other programs from their libraries,
/// every goal it takes part in (all eight for a primitive, its own for a goal code) reached in depth-3 mazes of
/// the guard sizes without code noise: with perfect sonars, as the shipped-library tests run it, and with
/// <see cref="NoisySonarRuns"/> runs under the maze experiment's sonar noise (<see cref="SonarSigma"/>). Perfect
/// sonars alone let through a round of four goal codes that crashed 42 times without code noise at lambda 2 of
/// the experiment, and a G3 that reached its goal there in 12 of 50 trials.
/// </summary>
public sealed class MazeGuard
{
    private readonly string _program;
    private readonly ProgramLibrary _l1;
    private readonly ProgramLibrary _l2;
    private readonly TMaze[] _mazes;
    private readonly EpisodeSettings _episode = EpisodeSettings.Default with { TimeLimit = 90 };

    /// <summary>The sonar range noise of the guard's noisy runs and of in-hierarchy training: the maze experiment's (m).</summary>
    public static readonly double SonarSigma = new MazeExperimentSettings().SonarSigma;

    /// <summary>Runs of every (size, goal) under sonar noise, besides the one with perfect sonars.</summary>
    public const int NoisySonarRuns = 4;

    public MazeGuard(string program, ProgramLibrary l1, ProgramLibrary l2, IReadOnlyList<double> lambdas)
    {
        var goals = new CandidateHierarchy(program, l1, l2).Goals.Count;
        _program = program;
        _l1 = l1;
        _l2 = l2;
        Lambdas = lambdas;
        _mazes = [.. lambdas.Select(TMazeGenerator.Depth3)];
        Episodes = _mazes.Length * goals * (1 + NoisySonarRuns);
    }

    public IReadOnlyList<double> Lambdas { get; }

    /// <summary>Episodes without code noise that a candidate must all finish at their goals.</summary>
    public int Episodes { get; }

    /// <summary>A checker for one thread.</summary>
    public Checker CreateChecker() => new(this);

    public sealed class Checker
    {
        private readonly MazeGuard _owner;
        private readonly CandidateHierarchy _hierarchy;
        private readonly CodeDeviates _none;
        private readonly SonarNoise _sonar = new(SonarSigma);

        internal Checker(MazeGuard owner)
        {
            _owner = owner;
            _hierarchy = new CandidateHierarchy(owner._program, owner._l1, owner._l2);
            _none = CodeDeviates.None(owner._l1, owner._l2);
        }

        public bool Passes(ReadOnlySpan<double> candidate)
        {
            foreach (var maze in _owner._mazes)
            {
                foreach (var goal in _hierarchy.Goals)
                {
                    for (var run = 0; run <= NoisySonarRuns; run++)
                    {
                        if (!_hierarchy.Run(candidate, maze, goal, 0, _none, run == 0 ? SonarNoise.None : _sonar, run, _owner._episode).Success)
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }
    }
}
