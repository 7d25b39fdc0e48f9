using Hpnna.Robot.Control;
using Hpnna.Simulation.Mazes;
using Hpnna.Simulation.Robots;
using Hpnna.Simulation.Sonars;

namespace Hpnna.Simulation.Episodes;

/// <summary>The standard run: a Pioneer 3-DX with its front ring (or other sensors) at the start of a T-maze, commanded to one goal.</summary>
public static class MazeEpisode
{
    public static Episode Create(TMaze maze, IController controller, string goal, int seed, EpisodeSettings settings, SonarNoise? noise = null, double odometryNoise = 0, EpisodeTrace? trace = null, SonarSetup? sonars = null)
    {
        maze.Goal(goal); // refuse unknown goals before anything runs
        var robot = (sonars ?? SonarSetup.Ring).Robot(maze.World, noise ?? SonarNoise.None, odometryNoise, seed);
        return new Episode(maze.World, robot, controller, settings, goal, trace);
    }

    /// <summary>The scripted wall-following sequencer tuned for <paramref name="maze"/>, driving the turns of <paramref name="goal"/>.</summary>
    public static WallFollowingSequencer ScriptedController(TMaze maze, string goal, EpisodeSettings settings) => new(
        maze.Goal(goal).Turns,
        WallFollowerSettings.ForCorridor(maze.Spec.Width, SonarLayouts.PioneerFrontRing[0].Y, settings.ControlPeriod));
}
