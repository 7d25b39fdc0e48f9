namespace Hpnna.Training.Motifs;

/// <summary>
/// An output motif: a 2-D pen-velocity profile the interpreter's two output neurons must trace, one target
/// per slow step after the start. Outputs are activities in (0, 1); 0.5 is a pen at rest, so every motif
/// starts and ends at rest and motifs chain into one continuous drawing.
/// </summary>
public sealed record Motif(string Name, double[] X, double[] Y)
{
    public int Steps => X.Length;

    /// <summary>The six motifs of the chaining benchmark, each <paramref name="steps"/> slow steps long.</summary>
    public static IReadOnlyList<Motif> Standard(int steps = 40) =>
    [
        Make("stroke-right", steps, t => 0.5 + 0.35 * Bell(t), _ => 0.5),
        Make("stroke-up", steps, _ => 0.5, t => 0.5 + 0.35 * Bell(t)),
        Make("loop-ccw", steps, t => 0.5 + 0.35 * Math.Sin(Math.PI * t) * Math.Cos(2 * Math.PI * t), t => 0.5 + 0.35 * Math.Sin(Math.PI * t) * Math.Sin(2 * Math.PI * t)),
        Make("loop-cw", steps, t => 0.5 + 0.35 * Math.Sin(Math.PI * t) * Math.Cos(2 * Math.PI * t), t => 0.5 - 0.35 * Math.Sin(Math.PI * t) * Math.Sin(2 * Math.PI * t)),
        Make("wave", steps, t => 0.5 + 0.3 * Math.Sin(Math.PI * t), t => 0.5 + 0.3 * Math.Sin(Math.PI * t) * Math.Sin(4 * Math.PI * t)),
        Make("hook", steps, t => 0.5 - 0.35 * Bell(t), t => 0.5 + 0.35 * Math.Sin(2 * Math.PI * t) * Math.Sin(Math.PI * t)),
    ];

    /// <summary>Mean squared error of outputs against this motif (arrays of <see cref="Steps"/> values each).</summary>
    public double MeanSquaredError(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var k = 0; k < Steps; k++)
        {
            var dx = x[k] - X[k];
            var dy = y[k] - Y[k];
            sum += dx * dx + dy * dy;
        }

        return sum / (2 * Steps);
    }

    private static double Bell(double t) => Math.Pow(Math.Sin(Math.PI * t), 2);

    private static Motif Make(string name, int steps, Func<double, double> x, Func<double, double> y)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        var xs = new double[steps];
        var ys = new double[steps];
        for (var k = 0; k < steps; k++)
        {
            var t = (k + 1) / (double)steps;
            xs[k] = x(t);
            ys[k] = y(t);
        }

        return new Motif(name, xs, ys);
    }
}
