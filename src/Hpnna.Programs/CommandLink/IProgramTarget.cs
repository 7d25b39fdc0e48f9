namespace Hpnna.Programs.CommandLink;

/// <summary>
/// What the command link acts on: the running controller. Every method validates completely and either
/// applies the change (handed to the control thread, which takes it whole at the next tick boundary) and
/// returns null, or changes nothing and returns the reason.
/// </summary>
public interface IProgramTarget
{
    string? SelectGoal(string goal);

    string? ReplaceCode(string program, double[] code);

    string? LoadLibrary(string level, string path);

    string? Stop();

    string? Resume();

    /// <summary>The controller back to its state at the start of a run (the robot was put back at the maze's start); codes and goal are kept.</summary>
    string? Restart();

    /// <summary>A one-line status: goal, primitive, running or stopped, tick counters.</summary>
    string Status();
}
