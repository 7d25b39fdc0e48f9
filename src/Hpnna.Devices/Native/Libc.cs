using System.Runtime.InteropServices;

namespace Hpnna.Devices.Native;

/// <summary>
/// The few Linux libc calls the raw serial and pseudo-terminal links need. Constants are Linux's (the same on
/// x86-64, arm and arm64 glibc). The termios structure is handled as opaque bytes except for c_cflag.
/// </summary>
internal static unsafe partial class Libc
{
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollErr = 0x8;
    public const short PollHup = 0x10;
    public const short PollNval = 0x20;

    public const int EIntr = 4;
    public const int EIo = 5;
    public const int EAgain = 11;

    public const int TcsaNow = 0;
    public const int TcOFlush = 1;
    public const int TcIoFlush = 2;

    /// <summary>ioctl request: bytes in a terminal's output queue, not yet sent.</summary>
    public const nuint TiocOutQ = 0x5411;

    /// <summary>Bytes reserved for a termios structure (glibc's is 60).</summary>
    public const int TermiosSize = 128;

    /// <summary>Offset of c_cflag in glibc's termios.</summary>
    public const int CFlagOffset = 8;
    public const uint CRead = 0x80;
    public const uint CLocal = 0x800;
    public const uint CRtsCts = 0x80000000;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int actions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte* termios);

    [LibraryImport("libc", EntryPoint = "cfsetspeed", SetLastError = true)]
    public static partial int CfSetSpeed(byte* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queue);

    /// <summary>flock operations: an exclusive lock, failing at once (EWOULDBLOCK) when another holder has it.</summary>
    public const int LockExclusiveNonBlocking = 2 | 4;

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, int* value);

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenPt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int PtsNameR(int fd, byte* buffer, nuint length);

    /// <summary>The termios speed constant for a baud rate (Linux Bxxxx values).</summary>
    public static uint SpeedConstant(int baud) => baud switch
    {
        1200 => 0x9,
        2400 => 0xB,
        4800 => 0xC,
        9600 => 0xD,
        19200 => 0xE,
        38400 => 0xF,
        57600 => 0x1001,
        115200 => 0x1002,
        230400 => 0x1003,
        _ => throw new ArgumentOutOfRangeException(nameof(baud), baud, "supported baud rates: 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400"),
    };

    /// <summary>Puts a terminal in raw 8N1 mode at a speed, without modem control or flow control.</summary>
    public static void MakeRaw(int fd, int baud)
    {
        var termios = stackalloc byte[TermiosSize];
        Check(TcGetAttr(fd, termios), "tcgetattr");
        CfMakeRaw(termios);
        var cflag = (uint*)(termios + CFlagOffset);
        *cflag = (*cflag | CRead | CLocal) & ~CRtsCts;
        Check(CfSetSpeed(termios, SpeedConstant(baud)), "cfsetspeed");
        Check(TcSetAttr(fd, TcsaNow, termios), "tcsetattr");
    }

    public static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new IOException($"{call} failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }
}
