namespace Hpnna.Core.Layers;

/// <summary>The external inputs of a layer over a run: one row of Q values per step, or one row held throughout.</summary>
public sealed class InputSequence
{
    private readonly double[][] _rows;
    private readonly bool _constant;

    private InputSequence(double[][] rows, int width, bool constant)
    {
        _rows = rows;
        Width = width;
        _constant = constant;
    }

    public int Width { get; }

    /// <summary>How many steps it covers; a constant sequence covers any number.</summary>
    public int Length => _constant ? int.MaxValue : _rows.Length;

    /// <summary>The same values at every step (all zeros, say, or none for a layer without inputs).</summary>
    public static InputSequence Constant(ReadOnlySpan<double> values) => new([values.ToArray()], values.Length, constant: true);

    /// <summary>Explicit rows, all of <paramref name="width"/> values.</summary>
    public static InputSequence FromRows(IReadOnlyList<double[]> rows, int width)
    {
        var copy = new double[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != width)
            {
                throw new ArgumentException($"row {r} has {rows[r].Length} values, expected {width}", nameof(rows));
            }

            copy[r] = (double[])rows[r].Clone();
        }

        return new InputSequence(copy, width, constant: false);
    }

    /// <summary>The inputs applied at step <paramref name="step"/> (0-based).</summary>
    public ReadOnlySpan<double> At(int step) => _constant ? _rows[0] : _rows[step];
}
