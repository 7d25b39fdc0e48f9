using BenchmarkDotNet.Attributes;
using Hpnna.Core.Interpreters;
using Hpnna.Core.Muls;

namespace Hpnna.Benchmarks;

/// <summary>
/// One control tick of each interpreter (one module), and of the full hierarchy as the robot runs it (five
/// voting modules of each), with the default topologies (L1: 12 muls; L2: 24 muls; 2 fast sub-steps per
/// tick; L2 stepping every tick, the worst case). Inputs cycle through 256 precomputed values so every tick
/// does real, varying work.
/// </summary>
[MemoryDiagnoser]
public class InterpreterTickBenchmarks
{
    private const int Cycle = 256;

    private readonly Proximities[] _proximities = new Proximities[Cycle];
    private readonly double[] _triggers = new double[Cycle];
    private L1Interpreter _l1 = null!;
    private L2Interpreter _l2 = null!;
    private Hierarchy _hierarchy = null!;
    private int _tick;

    [Params(MulKind.Published, MulKind.Precise)]
    public MulKind Mul { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        for (var i = 0; i < Cycle; i++)
        {
            _proximities[i] = new Proximities(random.NextDouble(), random.NextDouble(), random.NextDouble());
            _triggers[i] = i % 64 < 8 ? 1.0 : 0.0;
        }

        double[] Code(int length) => Enumerable.Range(0, length).Select(_ => random.NextDouble() * 10 - 5).ToArray();
        _l1 = new L1Interpreter(InterpreterTopologies.L1(Mul));
        _l1.Layer.SetCode(Code(_l1.Layer.CodeLength));
        _l2 = new L2Interpreter(InterpreterTopologies.L2(Mul));
        _l2.SetCode(Code(_l2.CodeLength));
        var l1 = InterpreterTopologies.L1(Mul);
        _hierarchy = new Hierarchy(
            [.. Enumerable.Range(0, InterpreterTopologies.L1Modules).Select(_ => new L1Interpreter(l1))],
            new L2Interpreter(InterpreterTopologies.L2(Mul), InterpreterTopologies.L2Modules),
            Code(_l1.Layer.CodeLength),
            Code(_l1.Layer.CodeLength),
            Code(_l2.CodeLength));
    }

    [Benchmark]
    public MotorOutput L1Tick() => _l1.Step(_proximities[_tick++ & (Cycle - 1)]);

    [Benchmark]
    public double L2Tick() => _l2.Step(_triggers[_tick++ & (Cycle - 1)]);

    [Benchmark]
    public MotorOutput HierarchyTick()
    {
        var i = _tick++ & (Cycle - 1);
        return _hierarchy.Step(_proximities[i], _triggers[i]);
    }
}
