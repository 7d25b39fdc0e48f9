using System.Diagnostics;

namespace Hpnna.Cli.Tests;

/// <summary>
/// The Pi install bundle as a user gets it: built by firmware-config/publish-pi.sh (linux-arm64, self-contained),
/// unpacked and installed into a temporary root, its unit verified by systemd-analyze, and installed again
/// without losing the user's settings or key.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class InstallBundleTests
{
    [Fact]
    public void The_bundle_installs_into_an_empty_root_its_unit_verifies_and_a_second_install_keeps_settings_and_key()
    {
        var work = Directory.CreateTempSubdirectory("hpnna-bundle-").FullName;
        try
        {
            // Built apart (its own bin/obj and output), so the running test build and a developer's bundle are left alone.
            var (built, log) = Run(CliRun.RepositoryFile("firmware-config/publish-pi.sh"), TimeSpan.FromMinutes(10), "--out", work, "--artifacts", Path.Combine(work, "build"));
            Assert.True(built == 0, log);
            var root = Path.Combine(work, "root");
            Directory.CreateDirectory(Path.Combine(root, "boot/firmware"));
            File.WriteAllText(Path.Combine(root, "boot/firmware/config.txt"), "# the Pi's own lines\n");
            var unpacked = Directory.CreateDirectory(Path.Combine(work, "unpacked")).FullName;
            Assert.Equal(0, Run("tar", TimeSpan.FromMinutes(2), "-C", unpacked, "-xzf", Path.Combine(work, "hpnna-pi-linux-arm64.tar.gz")).Code);
            var install = Path.Combine(unpacked, "hpnna-pi-linux-arm64/install.sh");

            var (first, said) = Run(install, TimeSpan.FromMinutes(2), "--root", root);
            Assert.True(first == 0, said);
            Assert.Contains("new command-link key in /etc/hpnna/link.key", said);
            foreach (var program in new[] { "opt/hpnna/hpnna-host", "opt/hpnna/hpnna" })
            {
                Assert.True(File.GetUnixFileMode(Path.Combine(root, program)).HasFlag(UnixFileMode.UserExecute), program);
            }

            Assert.True(File.Exists(Path.Combine(root, "opt/hpnna/README.md")), "the unit's Documentation= file");
            Assert.Equal("/etc/hpnna/appsettings.Production.json", new FileInfo(Path.Combine(root, "opt/hpnna/appsettings.Production.json")).LinkTarget);
            Assert.Equal(["l1-primitives-hcsr04.json", "l1-primitives.json", "l2-goals.json"], Directory.GetFiles(Path.Combine(root, "var/lib/hpnna/programs")).Select(Path.GetFileName).Order());
            var key = Path.Combine(root, "etc/hpnna/link.key");
            Assert.Equal(32, new FileInfo(key).Length);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(key));
            var passwd = File.ReadAllLines(Path.Combine(root, "etc/passwd"));
            Assert.Contains(passwd, l => l.StartsWith("hpnna:", StringComparison.Ordinal) && l.EndsWith(":/var/lib/hpnna:/usr/sbin/nologin", StringComparison.Ordinal));
            var groups = File.ReadAllLines(Path.Combine(root, "etc/group"));
            Assert.Contains(groups, l => l.StartsWith("gpio:", StringComparison.Ordinal) && l.EndsWith(":hpnna", StringComparison.Ordinal));
            Assert.Contains(groups, l => l.StartsWith("dialout:", StringComparison.Ordinal) && l.EndsWith(":hpnna", StringComparison.Ordinal));

            // systemd-analyze needs the system's own units (sysinit.target, ...) under the root, as a Pi has them.
            CopyTree("/usr/lib/systemd/system", Path.Combine(root, "usr/lib/systemd/system"));
            var (verified, verdict) = Run("systemd-analyze", TimeSpan.FromMinutes(1), "verify", $"--root={root}", "/etc/systemd/system/hpnna.service");
            Assert.True(verified == 0 && verdict.Trim().Length == 0, verdict);

            // An upgrade: the user's settings and key stay, the boot overlays are not added twice.
            var settings = Path.Combine(root, "etc/hpnna/appsettings.Production.json");
            File.AppendAllText(settings, "\n");
            var edited = File.ReadAllBytes(settings);
            var keyBytes = File.ReadAllBytes(key);
            var (second, saidAgain) = Run(install, TimeSpan.FromMinutes(2), "--root", root);
            Assert.True(second == 0, saidAgain);
            Assert.Equal(edited, File.ReadAllBytes(settings));
            Assert.True(File.Exists(settings + ".dist"));
            Assert.Equal(keyBytes, File.ReadAllBytes(key));
            Assert.Single(File.ReadAllLines(Path.Combine(root, "boot/firmware/config.txt")), l => l == "# hpnna: begin");
            Assert.Contains("dtoverlay=uart3", File.ReadAllText(Path.Combine(root, "boot/firmware/config.txt")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        Assert.Equal(0, Run("cp", TimeSpan.FromMinutes(1), "-a", $"{from}/.", to).Code);
    }

    private static (int Code, string Output) Run(string file, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out after {timeout}");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}
