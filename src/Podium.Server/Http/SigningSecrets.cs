using System.Security.Cryptography;

namespace Podium.Server.Http;

/// <summary>
/// The secrets Podium signs with (agent calls and event webhooks): made here, encrypted at rest, and
/// rotated with a grace period in which the previous secret signs beside the new one, so a receiver
/// can switch over without missing a request.
/// </summary>
public static class SigningSecrets
{
    public static string New() => "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The protected secrets that sign at <paramref name="now"/>: the current one, and the previous one during its grace period.</summary>
    public static IReadOnlyList<string> SigningAt(string? current, string? previous, DateTime? previousUntil, DateTime now) =>
        current is null ? []
        : previous is not null && previousUntil > now ? [current, previous]
        : [current];

    public static IReadOnlyList<string> Unprotect(IDataProtector protector, IReadOnlyList<string> protectedSecrets) =>
        [.. protectedSecrets.Select(protector.Unprotect)];
}

/// <param name="GraceHours">How long the previous secret keeps signing beside the new one (0 to 168; 24 when left out).</param>
public sealed record RotateSecretRequest(int? GraceHours = null) : IValidatable
{
    public const int DefaultGraceHours = 24;
    public const int MaxGraceHours = 168;

    [System.Text.Json.Serialization.JsonIgnore]
    public TimeSpan Grace => TimeSpan.FromHours(GraceHours ?? DefaultGraceHours);

    public void Validate(ValidationErrors errors)
    {
        if (GraceHours is < 0 or > MaxGraceHours) errors.Add("grace_hours", $"Must be from 0 to {MaxGraceHours}.");
    }
}
