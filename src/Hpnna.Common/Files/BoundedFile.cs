using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Hpnna.Common.Files;

/// <summary>
/// Reads a file whose name came from outside (a setting, a command-link LOAD) without trusting it to be one:
/// at most a bounded number of bytes, and on Linux opened non-blocking, so a FIFO cannot hold the reader
/// forever (it reads as empty) and a device such as /dev/zero cannot grow it without end (it reads as too large).
/// </summary>
public static partial class BoundedFile
{
    /// <summary>The largest file a library or description may be (the shipped ones are under 20 kB).</summary>
    public const int DefaultLimit = 1 << 20;

    /// <exception cref="IOException">Missing, unreadable, or longer than <paramref name="limit"/> bytes (the message says which).</exception>
    public static byte[] ReadAllBytes(string path, int limit = DefaultLimit)
    {
        using var stream = Open(path);
        var buffer = new byte[limit + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        return length > limit
            ? throw new IOException($"larger than {limit / 1024} KiB: not a program or description file (a device or a wrong path?)")
            : buffer[..length];
    }

    private static FileStream Open(string path)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("is a directory");
        }

        if (!OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        }

        const int ReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC (x64 and arm64)
        var descriptor = OpenDescriptor(path, ReadOnlyNonBlockingCloseOnExec);
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno == 2 ? new FileNotFoundException("does not exist", path) : new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }

        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 1);
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int OpenDescriptor(string path, int flags);
}
