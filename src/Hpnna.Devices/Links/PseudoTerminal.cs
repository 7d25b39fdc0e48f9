using System.Runtime.InteropServices;
using System.Text;
using Hpnna.Devices.Native;

namespace Hpnna.Devices.Links;

/// <summary>
/// A Linux pseudo-terminal pair made in-process (posix_openpt, grantpt, unlockpt, ptsname_r): the master side
/// is a byte link for a peer that plays a device (the robot emulator), the slave path is what the program
/// under test opens as its serial port. The slave is held open here in raw mode, so bytes are never echoed in
/// cooked mode and the master sees no hang-up while the client reconnects. Disposing removes both sides, which
/// to the client looks like an unplugged adapter.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private readonly int _slaveFd;
    private readonly string? _symlink;

    private PseudoTerminal(MasterLink master, int slaveFd, string slavePath, string? symlink)
    {
        Master = master;
        _slaveFd = slaveFd;
        SlavePath = slavePath;
        _symlink = symlink;
    }

    /// <summary>The device side's end.</summary>
    public FileDescriptorLink Master { get; }

    /// <summary>The path a client opens as its serial port (/dev/pts/N).</summary>
    public string SlavePath { get; }

    /// <summary>The stable name a client can open instead of <see cref="SlavePath"/>, if one was asked for.</summary>
    public string PortPath => _symlink ?? SlavePath;

    /// <param name="symlink">Optional path of a symbolic link to the slave (replaced if it exists), for configurations that name a fixed port.</param>
    public static PseudoTerminal Open(string? symlink = null)
    {
        var master = Libc.PosixOpenPt(Libc.ORdWr | Libc.ONoCtty | Libc.ONonBlock | Libc.OCloExec);
        if (master < 0)
        {
            throw new IOException($"posix_openpt failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        try
        {
            Libc.Check(Libc.GrantPt(master), "grantpt");
            Libc.Check(Libc.UnlockPt(master), "unlockpt");
            var name = stackalloc byte[128];
            var result = Libc.PtsNameR(master, name, 128);
            if (result != 0)
            {
                throw new IOException($"ptsname_r failed: {Marshal.GetPInvokeErrorMessage(result)}");
            }

            var slavePath = Encoding.ASCII.GetString(name, new ReadOnlySpan<byte>(name, 128).IndexOf((byte)0));
            var slave = Libc.Open(slavePath, Libc.ORdWr | Libc.ONoCtty | Libc.ONonBlock | Libc.OCloExec);
            Libc.Check(slave, $"open {slavePath}");
            Libc.MakeRaw(slave, 9600);
            Libc.MakeRaw(master, 9600);
            if (symlink is not null)
            {
                File.Delete(symlink);
                File.CreateSymbolicLink(symlink, slavePath);
            }

            return new PseudoTerminal(new MasterLink(master, $"pty master of {slavePath}"), slave, slavePath, symlink);
        }
        catch
        {
            Libc.Close(master);
            throw;
        }
    }

    public void Dispose()
    {
        Master.Dispose();
        Libc.Close(_slaveFd);
        if (_symlink is not null)
        {
            File.Delete(_symlink);
        }
    }

    private sealed class MasterLink(int fd, string description) : FileDescriptorLink(fd, description);
}
