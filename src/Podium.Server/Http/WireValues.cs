namespace Podium.Server.Http;

/// <summary>Enum values as query parameters carry them: snake_case names ("in_progress"), never numbers.</summary>
public static class WireValues
{
    public static bool TryParse<T>(string value, out T result) where T : struct, Enum =>
        Enum.TryParse(value.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out result)
        && !int.TryParse(value, out _) && Enum.IsDefined(result);

    /// <summary>The wire name of an enum value: <c>InProgress</c> is <c>in_progress</c>.</summary>
    public static string Name(Enum value) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
