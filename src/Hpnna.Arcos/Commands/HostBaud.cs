namespace Hpnna.Arcos.Commands;

/// <summary>The line speeds HOSTBAUD (#50) selects: argument i selects the i-th.</summary>
public static class HostBaud
{
    public static ReadOnlySpan<int> Rates => [9600, 19200, 38400, 57600, 115200];
}
