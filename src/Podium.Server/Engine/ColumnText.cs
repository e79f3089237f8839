namespace Podium.Server.Engine;

public static class ColumnText
{
    /// <summary>The text cut to <paramref name="max"/> characters (a column's length), never splitting a surrogate pair.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Clip(string? text, int max)
    {
        if (text is null || text.Length <= max) return text;
        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end];
    }
}
