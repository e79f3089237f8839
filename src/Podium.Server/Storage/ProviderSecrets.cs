namespace Podium.Server.Storage;

/// <summary>
/// A provider configuration's secret credentials, kept as one Data Protection payload. Only the
/// names of the stored secrets are ever shown; the values stay inside the server.
/// </summary>
public sealed class ProviderSecrets(IDataProtectionProvider protection)
{
    private const string Purpose = "Podium.Providers.Secrets.v1";
    public static readonly string[] Names = ["auth_token", "api_key", "api_secret", "webhook_secret"];

    public string Protect(IReadOnlyDictionary<string, string> secrets) =>
        protection.CreateProtector(Purpose).Protect(JsonSerializer.Serialize(secrets));

    public Dictionary<string, string> Unprotect(string? protectedSecrets) =>
        protectedSecrets is null
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, string>>(protection.CreateProtector(Purpose).Unprotect(protectedSecrets)) ?? [];
}
