namespace Hpnna.Simulation.Mazes;

/// <summary>
/// The paper's maze size lambda: the time to drive one corridor over the time to turn at a junction, at
/// nominal speeds. With corridor length delta, lambda = (delta / NominalSpeed) / NominalTurnTime.
/// </summary>
/// <remarks>Defaults (ours): 0.5 m/s and 3 s per junction turn, so lambda 2, 3, 4 are corridors of 3, 4.5, 6 m.</remarks>
public sealed record MazeScale(double NominalSpeed = 0.5, double NominalTurnTime = 3.0)
{
    public static MazeScale Default { get; } = new();

    public double DeltaFor(double lambda) => lambda * NominalSpeed * NominalTurnTime;

    public double LambdaFor(double delta) => delta / NominalSpeed / NominalTurnTime;
}
