namespace Hpnna.Common.Validation;

/// <summary>One thing wrong with a description or a code: where (a JSON path) and what.</summary>
public sealed record Problem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>
/// A network description, code or input that cannot be used, with every problem found in it.
/// This is the error for user mistakes: callers print <see cref="Exception.Message"/>, never a stack trace.
/// </summary>
public sealed class InvalidDescriptionException : Exception
{
    public InvalidDescriptionException(string origin, IReadOnlyList<Problem> problems)
        : base(Describe(origin, problems))
    {
        Origin = origin;
        Problems = problems;
    }

    /// <summary>What was read: a file name or a short label.</summary>
    public string Origin { get; }

    public IReadOnlyList<Problem> Problems { get; }

    private static string Describe(string origin, IReadOnlyList<Problem> problems) => problems.Count == 1
        ? $"{origin}: {problems[0]}"
        : $"{origin}: {problems.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems);
}
