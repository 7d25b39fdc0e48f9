namespace Hpnna.Simulation.Sonars;

/// <summary>Sonar imperfections: Gaussian range noise (standard deviation in metres) and the chance a ping gets no echo.</summary>
public sealed record SonarNoise(double RangeSigma = 0.0, double DropoutProbability = 0.0)
{
    public static SonarNoise None { get; } = new();
}
