namespace Hpnna.Simulation.Robots;

/// <summary>
/// How fast a base may speed up and slow down: m/s² and rad/s². ARCOS sets them with SETA and SETRA (a positive
/// value the acceleration, a negative one the deceleration), within the model's top values.
/// </summary>
public readonly record struct AccelerationLimits(double Linear, double LinearDeceleration, double Angular, double AngularDeceleration)
{
    /// <summary>The model's own limits, the same both ways.</summary>
    public static AccelerationLimits Of(PioneerModel model) =>
        new(model.LinearAcceleration, model.LinearAcceleration, model.AngularAcceleration, model.AngularAcceleration);

    /// <summary>Whether every limit is a finite number above zero.</summary>
    public bool IsValid => IsPositive(Linear) && IsPositive(LinearDeceleration) && IsPositive(Angular) && IsPositive(AngularDeceleration);

    private static bool IsPositive(double value) => double.IsFinite(value) && value > 0;
}
