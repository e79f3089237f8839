namespace Podium.Server.Features.Common;

/// <summary>How an optional text field is stored: trimmed, and null when it was sent empty or blank (which clears it).</summary>
public static class OptionalText
{
    public static string? Of(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
