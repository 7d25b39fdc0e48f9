using Hpnna.Devices.Arcos;

namespace Hpnna.Devices.Tests;

/// <summary>SIP positions at both widths: 15 bits as ARCOS firmware sends them (ARIA masks with 0x7fff), 16 as some simulators do.</summary>
public sealed class SipTrackerTests
{
    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(0x7ff6, 5, -15)]          // 15 bits: from +5 back across zero to -10 (0x7ff6)
    [InlineData(-10, 5, -15)]             // 16 bits: the same move
    [InlineData(5, 0x7ff6, 15)]           // 15 bits: forward across zero
    [InlineData(2, 0x7ffe, 4)]            // 15 bits: 0x7ffe -> 0x0002 wraps forward
    [InlineData(short.MinValue, short.MaxValue, 1)] // 16 bits: +32767 -> -32768 is one step forward
    [InlineData(0x4000, 0, 0x4000)]       // the largest step read forward
    [InlineData(0x4001, 0, -0x3fff)]      // beyond it, backward
    public void A_step_is_the_move_modulo_0x8000(int now, int last, int expected)
    {
        Assert.Equal(expected, SipTracker.Step15(unchecked((short)now), unchecked((short)last)));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4500, 4500)]
    [InlineData(0x7fff, -1)]              // 15 bits: -1 mm
    [InlineData(-1, -1)]                  // 16 bits: the same position
    [InlineData(0x6e6c, -4500)]           // 15 bits: -4.5 m
    [InlineData(-4500, -4500)]            // 16 bits: -4.5 m
    [InlineData(0x3fff, 0x3fff)]          // 16.383 m, the farthest start read as positive
    public void A_first_position_reads_the_same_at_either_width(int raw, int expected)
    {
        Assert.Equal(expected, SipTracker.Signed15(unchecked((short)raw)));
    }
}
