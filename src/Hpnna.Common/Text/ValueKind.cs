namespace Hpnna.Common.Text;

/// <summary>What a value of a .NET type must be, in a user's words, for "KEY must be ..." errors (never the type's name).</summary>
public static class ValueKind
{
    public static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type is null ? "another kind of value"
            : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
            : type == typeof(bool) ? "true or false"
            : type == typeof(int) || type == typeof(long) ? "a whole number"
            : type == typeof(double) || type == typeof(float) ? "a number"
            : "another kind of value";
    }
}
