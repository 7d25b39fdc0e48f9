using Hpnna.Core.Interpreters;
using Hpnna.Core.Muls;

namespace Hpnna.Core.Tests;

public sealed class AllocationTests
{
    [Theory]
    [InlineData(MulKind.Published)]
    [InlineData(MulKind.Precise)]
    public void A_hundred_thousand_hierarchy_steps_allocate_nothing_on_the_stepping_thread(MulKind mul)
    {
        var hierarchy = InterpreterTests.CreateHierarchy(mul, selectionBias: 0.5);
        var goal = hierarchy.L2.Code.ToArray();
        var primitive = hierarchy.PrimitiveCode(Primitive.LeftWall).ToArray();
        Step(hierarchy, 0, 1000); // warm-up: JIT, tiering, statics

        var before = GC.GetAllocatedBytesForCurrentThread();
        Step(hierarchy, 0, 50_000);
        hierarchy.PostPrimitive(Primitive.RightWall, primitive); // lands inside the counted window
        hierarchy.L2.SetCode(goal);
        hierarchy.L2.Prepare(hierarchy.L2.State);
        Step(hierarchy, 50_000, 50_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(double.IsFinite(hierarchy.L1.Output.Linear));
    }

    private static void Step(Hierarchy hierarchy, int from, int count)
    {
        for (var t = from; t < from + count; t++)
        {
            // Proximities and trigger vary so every branch of a real run is exercised.
            var phase = (t % 1000) / 1000.0;
            hierarchy.Step(new Proximities(phase, 1 - phase, 0.5 * phase), trigger: t % 200 < 20 ? 1.0 : 0.0);
        }
    }
}
