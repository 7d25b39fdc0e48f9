namespace Hpnna.Training.Primitives;

/// <summary>The motor primitives L1 learns.</summary>
public enum PrimitiveKind
{
    /// <summary>Pr: follow the wall on the right, so turn right at every junction.</summary>
    RightWall,

    /// <summary>Pl: follow the wall on the left, so turn left at every junction.</summary>
    LeftWall,

    /// <summary>Pc: keep to the middle of the corridor; at a junction either way will do (the incremental experiment's third program).</summary>
    Centre,
}

/// <summary>Names of the primitives as programs are named in libraries and on the command line.</summary>
public static class PrimitiveNames
{
    public static string Of(PrimitiveKind kind) => kind switch
    {
        PrimitiveKind.RightWall => "Pr",
        PrimitiveKind.LeftWall => "Pl",
        _ => "Pc",
    };

    /// <summary>A primitive from "Pr", "Pl" or "Pc"; throws <see cref="ArgumentException"/>.</summary>
    public static PrimitiveKind Parse(string name) => name switch
    {
        "Pr" => PrimitiveKind.RightWall,
        "Pl" => PrimitiveKind.LeftWall,
        "Pc" => PrimitiveKind.Centre,
        _ => throw new ArgumentException($"unknown primitive '{name}': use Pr (right wall), Pl (left wall) or Pc (corridor centre)"),
    };
}
