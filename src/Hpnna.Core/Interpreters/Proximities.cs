namespace Hpnna.Core.Interpreters;

/// <summary>L1's data inputs: right, left and front proximity, each in [0, 1] (1 = touching, 0 = nothing in range).</summary>
public readonly record struct Proximities(double Right, double Left, double Front);

/// <summary>L1's outputs: the activities of its linear-speed and angular-speed neurons, each in (0, 1).</summary>
/// <remarks>The robot maps them to v = v_max (2 Linear - 1) and omega = omega_max (2 Angular - 1).</remarks>
public readonly record struct MotorOutput(double Linear, double Angular);

/// <summary>The two motor primitives L2 chooses between.</summary>
public enum Primitive
{
    /// <summary>Pr: follow the wall on the right (selected by a high L2 output).</summary>
    RightWall,

    /// <summary>Pl: follow the wall on the left (selected by a low L2 output).</summary>
    LeftWall,
}
