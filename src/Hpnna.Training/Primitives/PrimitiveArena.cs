using Hpnna.Robot.Contracts;
using Hpnna.Robot.Control;
using Hpnna.Robot.Sensing;
using Hpnna.Simulation.Geometry;
using Hpnna.Simulation.Episodes;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Training.Primitives;

/// <summary>One trial of a primitive: where the robot starts and which goal the primitive should lead it to.</summary>
public sealed record PrimitiveTrial(Pose2D Start, string Corridor);

/// <summary>
/// Where L1's primitives are learned: a depth-2 T-maze (lambda 3) with the robot placed in the middle of
/// the stem and of both first-level arms, three times each (centred and heading on; 0.25 m off-centre to
/// either side, turned 0.25 rad back across), each run for <see cref="TrialTime"/> seconds. From each start a wall follower meets one or two junctions, so a
/// program is judged on corridors, turns and the corridor after a turn.
/// </summary>
public sealed class PrimitiveArena
{
    public PrimitiveArena(TMaze maze, IReadOnlyList<PrimitiveTrial> trials, double trialTime, MotorRange motors, SonarSetup sonars, SonarGrouping grouping, EpisodeSettings episode)
    {
        Sonars = sonars;
        Maze = maze;
        Trials = trials;
        TrialTime = trialTime;
        Motors = motors;
        Grouping = grouping;
        Episode = episode with { TimeLimit = trialTime };
    }

    public TMaze Maze { get; }

    public IReadOnlyList<PrimitiveTrial> Trials { get; }

    public double TrialTime { get; }

    public MotorRange Motors { get; }

    public SonarGrouping Grouping { get; }

    public EpisodeSettings Episode { get; }

    /// <summary>The sensors the robot carries in every trial; the grouping reads them.</summary>
    public SonarSetup Sonars { get; }

    /// <summary>The default arena: depth 2, lambda 3, nine starts, 30 s trials, the Pioneer ring.</summary>
    public static PrimitiveArena Default { get; } = For(SonarSetup.Ring);

    /// <summary>The default arena with the robot carrying <paramref name="sonars"/>, grouped as the robot's controller groups them.</summary>
    public static PrimitiveArena For(SonarSetup sonars) => Create(MazeScale.Default.DeltaFor(3), ControllerDefaults.Motors, sonars, ControllerDefaults.Grouping(sonars.Layout));

    public static PrimitiveArena Create(double delta, MotorRange motors, SonarSetup sonars, SonarGrouping grouping)
    {
        var maze = TMazeGenerator.Generate(new TMazeSpec(2, delta, TMazeSpec.DefaultWidth));
        var trials = new List<PrimitiveTrial>();
        foreach (var corridor in maze.Corridors.Where(c => c.Level < 2))
        {
            var along = corridor.To - corridor.From;
            var heading = Math.Atan2(along.Y, along.X);
            var middle = corridor.From + 0.5 * along;
            var side = new Vec2(-Math.Sin(heading), Math.Cos(heading)); // to the left
            // Centred and heading on, then off-centre to either side and turned back across the corridor:
            // a primitive is switched in wherever the last one left the robot.
            foreach (var (offset, turn) in new[] { (0.0, 0.0), (0.25, -0.25), (-0.25, 0.25) })
            {
                var p = middle + offset * side;
                trials.Add(new PrimitiveTrial(new Pose2D(p.X, p.Y, heading + turn), corridor.Turns));
            }
        }

        return new PrimitiveArena(maze, trials, 30.0, motors, sonars, grouping, EpisodeSettings.Default);
    }

    /// <summary>
    /// Runs <paramref name="controller"/> from the start of trial <paramref name="trial"/> (noise-free sonars,
    /// seeded by the trial) and says whether it reached the goal <paramref name="kind"/> leads to.
    /// </summary>
    public (EpisodeResult Result, bool Reached) Run(IController controller, int trial, PrimitiveKind kind, EpisodeTrace? trace = null)
    {
        var goal = ExpectedGoal(kind, Trials[trial]);
        var robot = Sonars.Robot(Maze.World, SonarNoise.None, 0, seed: trial + 1, Trials[trial].Start);
        var result = new Episode(Maze.World, robot, controller, Episode, goal, trace).Run();
        return (result, result.Outcome == EpisodeOutcome.GoalReached || (goal is null && result.Outcome == EpisodeOutcome.WrongGoal));
    }

    /// <summary>The goal a primitive reaches from a trial, or null when any goal will do.</summary>
    public string? ExpectedGoal(PrimitiveKind kind, PrimitiveTrial trial) => kind switch
    {
        PrimitiveKind.RightWall => TMazeGenerator.GoalName(trial.Corridor.PadRight(Maze.Spec.Depth, 'R')),
        PrimitiveKind.LeftWall => TMazeGenerator.GoalName(trial.Corridor.PadRight(Maze.Spec.Depth, 'L')),
        _ => null,
    };
}
