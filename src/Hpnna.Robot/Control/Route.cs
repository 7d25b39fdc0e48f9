namespace Hpnna.Robot.Control;

/// <summary>
/// Where the robot is in the maze as it knows it: the junction turns its trigger counted and the primitive in
/// charge at each (right or left), the goal in effect and any swap waiting to land. One value, packed in a
/// long so the control thread publishes it whole and any thread reads it without a lock.
/// </summary>
/// <param name="Goal">The goal in effect (1-8; 0 when the controller was not told).</param>
/// <param name="Pending">A goal accepted but not yet landed (it waits for the turn under way), or 0.</param>
/// <param name="Junctions">Junction turns counted since the start, the one under way included.</param>
/// <param name="RightTurns">Bit j set when junction j (0-based, the first 16) was turned to the right.</param>
/// <param name="Turning">A junction turn (or its trigger pulse) is on.</param>
/// <param name="Approaching">L1 has begun to turn but the trigger has not counted a junction yet.</param>
/// <param name="RightInCharge">The primitive in charge is the right-wall follower (a turn now goes right).</param>
public readonly record struct Route(int Goal, int Pending, int Junctions, int RightTurns, bool Turning, bool Approaching = false, bool RightInCharge = false)
{
    private const int MaxJunctions = 255;

    /// <summary>Whether the turns taken so far agree with <paramref name="goal"/>'s, so the robot can still reach it.</summary>
    public bool Reaches(int goal, int depth = GoalRoutes.Junctions)
    {
        if (Junctions > depth)
        {
            return false;
        }

        for (var j = 0; j < Junctions; j++)
        {
            if (GoalRoutes.TurnsRight(goal, j, depth) != TurnsRight(j))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The route once a turn begun is counted: a turn L1 is approaching taken as made by the primitive in charge.</summary>
    public Route Committed => Approaching ? WithTurn(RightInCharge) with { Approaching = false } : this;

    public bool TurnsRight(int junction) => ((RightTurns >> junction) & 1) == 1;

    /// <summary>The turns taken, e.g. "LR" ("-" before the first junction).</summary>
    public string Turns
    {
        get
        {
            var route = this;
            return Junctions == 0 ? "-" : new([.. Enumerable.Range(0, Math.Min(Junctions, 16)).Select(j => route.TurnsRight(j) ? 'R' : 'L')]);
        }
    }

    /// <summary>The goals (of <paramref name="count"/>) still reachable, e.g. "G3, G4", or "none".</summary>
    public string Reachable(int count = GoalRoutes.Count)
    {
        var route = this;
        return string.Join(", ", Enumerable.Range(1, count).Where(g => route.Reaches(g)).Select(GoalRoutes.Name).DefaultIfEmpty("none"));
    }

    /// <summary>The route with one more junction turn started.</summary>
    public Route WithTurn(bool right) => this with
    {
        Junctions = Math.Min(Junctions + 1, MaxJunctions),
        RightTurns = right && Junctions < 16 ? RightTurns | (1 << Junctions) : RightTurns,
        Turning = true,
    };

    public long Pack() => (long)Goal | ((long)Pending << 4) | ((long)Junctions << 8) | ((long)(RightTurns & 0xFFFF) << 16)
        | (Turning ? 1L << 32 : 0L) | (Approaching ? 1L << 33 : 0L) | (RightInCharge ? 1L << 34 : 0L);

    public static Route Unpack(long packed) =>
        new((int)(packed & 0xF), (int)((packed >> 4) & 0xF), (int)((packed >> 8) & 0xFF), (int)((packed >> 16) & 0xFFFF), Bit(packed, 32), Bit(packed, 33), Bit(packed, 34));

    private static bool Bit(long packed, int bit) => ((packed >> bit) & 1) == 1;
}
