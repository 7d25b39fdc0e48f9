namespace Hpnna.Core.Layers;

/// <summary>
/// The interval [Min, Max] a programmable weight may take. A code value w is carried on the programming
/// line as p = (w - Min) / (Max - Min), so that Min*a + (Max - Min)*(a*p) = w*a.
/// </summary>
public readonly record struct WeightRange(double Min, double Max)
{
    /// <summary>The paper's range for codes: [-5, 5].</summary>
    public static WeightRange Default => new(-5.0, 5.0);

    public double Span => Max - Min;

    public bool Contains(double weight) => weight >= Min && weight <= Max;

    /// <summary>The programming input p in [0, 1] that stands for <paramref name="weight"/>.</summary>
    public double ToProgramInput(double weight) => (weight - Min) / Span;

    /// <summary>The value a code starts at: zero when the range holds it, else the nearest end.</summary>
    public double Neutral => Math.Clamp(0.0, Min, Max);

    public override string ToString() => FormattableString.Invariant($"[{Min}, {Max}]");
}
