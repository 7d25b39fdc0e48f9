namespace Hpnna.Arcos.Commands;

/// <summary>The byte after a command number that says what follows it.</summary>
public enum ArgumentType : byte
{
    /// <summary>The command has no argument (N = 3).</summary>
    None = 0,
    /// <summary>Two bytes, little-endian, value at least zero.</summary>
    PositiveInteger = 0x3B,
    /// <summary>Two bytes, little-endian, the magnitude of a negative value.</summary>
    NegativeInteger = 0x1B,
    /// <summary>A length byte, then that many characters.</summary>
    String = 0x2B,
}
