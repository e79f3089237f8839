namespace Podium.Server.Http;

/// <summary>Enum values as query parameters carry them: snake_case names ("in_progress"), never numbers.</summary>
public static class WireValues
{
    public static bool TryParse<T>(string value, out T result) where T : struct, Enum =>
        Enum.TryParse(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out result)
        && !int.TryParse(value, out _) && Enum.IsDefined(result);
}
