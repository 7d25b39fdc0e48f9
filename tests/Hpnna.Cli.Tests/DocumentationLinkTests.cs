using System.Text.RegularExpressions;

namespace Hpnna.Cli.Tests;

/// <summary>Every link in the repository's Markdown resolves inside the repository, anchors included.</summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string[] Skipped = ["bin", "obj", "runs", "out", "findings", ".git", ".publish", ".tools", "TestResults", "BenchmarkDotNet.Artifacts"];

    [Fact]
    public void Every_relative_link_and_anchor_resolves_and_nothing_points_outside_the_repository()
    {
        var root = CliRun.RepositoryFile("");
        var files = MarkdownFiles(root).ToArray();
        Assert.Contains(files, f => f.EndsWith("README.md", StringComparison.Ordinal));
        var broken = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(root, file);
            if (text.Contains("shared/spec", StringComparison.Ordinal) || text.Contains("../shared", StringComparison.Ordinal))
            {
                broken.Add($"{name}: refers to the shared folder outside the repository");
            }

            foreach (Match link in Link().Matches(text))
            {
                var target = link.Groups["target"].Value;
                if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var (path, anchor) = target.IndexOf('#') is var hash and >= 0 ? (target[..hash], target[(hash + 1)..]) : (target, "");
                var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (!resolved.StartsWith(root, StringComparison.Ordinal))
                {
                    broken.Add($"{name}: {target} leaves the repository");
                }
                else if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{name}: {target} does not exist");
                }
                else if (anchor.Length > 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !Headings(resolved).Contains(anchor))
                {
                    broken.Add($"{name}: {target}: no heading '{anchor}' in {Path.GetFileName(resolved)}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    private static IEnumerable<string> MarkdownFiles(string directory) =>
        Directory.GetFiles(directory, "*.md").Concat(Directory.GetDirectories(directory)
            .Where(d => !Skipped.Contains(Path.GetFileName(d)))
            .SelectMany(MarkdownFiles));

    /// <summary>The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens.</summary>
    private static HashSet<string> Headings(string file) =>
        [.. File.ReadLines(file).Where(l => l.StartsWith('#')).Select(l => Slug().Replace(l.TrimStart('#').Trim().ToLowerInvariant(), "").Replace(' ', '-'))];

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[^\w\- ]")]
    private static partial Regex Slug();
}
