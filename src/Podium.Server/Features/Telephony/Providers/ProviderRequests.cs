using System.Text.Json.Serialization;
using Podium.Server.Engine.Runtimes.LiveKit;

namespace Podium.Server.Features.Telephony.Providers;

/// <summary>One <c>meta_json</c> entry, as the old docs show it.</summary>
public sealed record MetaEntry(string MetaKey, JsonNode? MetaValue);

/// <summary>
/// The fields both provider bodies carry, a line each for: what it is, its credentials, where it is,
/// and how Podium uses it. Each body checks them its own way.
/// </summary>
public abstract record ProviderBody(
    JsonNode? Provider = null, string? Name = null,
    string? AccountSid = null, string? AuthToken = null, string? ApiKey = null, string? ApiSecret = null,
    string? BaseUrl = null, string? SipUrl = null, IReadOnlyList<MetaEntry>? MetaJson = null,
    bool? Active = null, string? WebhookSecret = null, int? MaxConcurrentCalls = null, double? CallsPerSecond = null);

/// <summary>
/// Both documented bodies: <c>provider</c> (slug or id) + <c>account_sid</c> + <c>auth_token</c>, or
/// <c>name</c> + <c>provider</c> + <c>api_key</c> + <c>api_secret</c> + <c>base_url</c> + <c>sip_url</c> + <c>meta_json</c>.
/// </summary>
public sealed record CreateProviderRequest : ProviderBody, IValidatable
{
    [JsonIgnore]
    public ProviderDetails? Kind => ProviderCatalogue.Resolve(Provider);

    [JsonIgnore]
    public IReadOnlyDictionary<string, string> Secrets => ProviderFields.Secrets(AuthToken, ApiKey, ApiSecret, WebhookSecret);

    public void Validate(ValidationErrors errors)
    {
        if (Provider is null) errors.Add("provider", "This field is required.");
        else if (Kind is null) errors.Add("provider", $"Unknown provider. Use a slug or id of: {ProviderCatalogue.Slugs}.");
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        ProviderFields.Check(errors, AccountSid, AuthToken, ApiKey, ApiSecret, BaseUrl, SipUrl, MetaJson);
        ProviderFields.CheckCalls(errors, WebhookSecret, MaxConcurrentCalls, CallsPerSecond);
        if (Kind is null) return;
        if (Kind.Slug == "sip")
        {
            if (string.IsNullOrWhiteSpace(SipUrl)) errors.Add("sip_url", "A SIP provider needs sip_url.");
        }
        else if (Secrets.Count == 0)
            errors.Add("auth_token", "Give the provider's credentials: auth_token (with account_sid), or api_key and api_secret.");
        if (AuthToken is not null && string.IsNullOrWhiteSpace(AccountSid))
            errors.Add("account_sid", "The account identifier that goes with auth_token is required.");
        if (Kind.Slug == "livekit" && string.IsNullOrWhiteSpace(BaseUrl))
            errors.Add("base_url", "A LiveKit provider needs base_url (the server URL).");
        if (Kind.Slug == "livekit" && ApiSecret is { Length: > 0 and < LiveKitTokens.MinimumSecretLength })
            errors.Add("api_secret", $"A LiveKit API secret signs HS256 tokens and must be at least {LiveKitTokens.MinimumSecretLength} characters (LiveKit generates longer ones).");
    }
}

/// <summary>Fields left out keep their value, for rotating credentials in place; "" clears a secret or URL.</summary>
public sealed record UpdateProviderRequest : ProviderBody, IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        if (Provider is not null && ProviderCatalogue.Resolve(Provider) is null)
            errors.Add("provider", $"Unknown provider. Use a slug or id of: {ProviderCatalogue.Slugs}.");
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        ProviderFields.Check(errors, AccountSid, AuthToken, ApiKey, ApiSecret, BaseUrl, SipUrl, MetaJson);
        ProviderFields.CheckCalls(errors, WebhookSecret, MaxConcurrentCalls, CallsPerSecond);
    }
}

internal static class ProviderFields
{
    public static IReadOnlyDictionary<string, string> Secrets(string? authToken, string? apiKey, string? apiSecret, string? webhookSecret)
    {
        var secrets = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(authToken)) secrets["auth_token"] = authToken;
        if (!string.IsNullOrEmpty(apiKey)) secrets["api_key"] = apiKey;
        if (!string.IsNullOrEmpty(apiSecret)) secrets["api_secret"] = apiSecret;
        if (!string.IsNullOrEmpty(webhookSecret)) secrets["webhook_secret"] = webhookSecret;
        return secrets;
    }

    /// <summary>The most calls per second a configuration may ask for: beyond it, pacing is the provider's own.</summary>
    public const double MaxCallsPerSecond = 1000;

    public static void CheckCalls(ValidationErrors errors, string? webhookSecret, int? maxConcurrentCalls, double? callsPerSecond)
    {
        errors.MaxLength("webhook_secret", webhookSecret, 1000);
        if (maxConcurrentCalls is < 0 or > 100_000) errors.Add("max_concurrent_calls", "Must be from 1 to 100000, or 0 for no limit.");
        if (callsPerSecond is { } cps && (double.IsNaN(cps) || cps < 0 || cps > MaxCallsPerSecond))
            errors.Add("calls_per_second", $"Must be from 0.01 to {MaxCallsPerSecond}, or 0 for no limit.");
        else if (callsPerSecond is > 0 and < 0.01) errors.Add("calls_per_second", $"Must be from 0.01 to {MaxCallsPerSecond}, or 0 for no limit.");
    }

    /// <summary>The stored length of <c>meta_json</c> (its column's).</summary>
    public const int MaxMetaLength = 20_000;

    public static void Check(
        ValidationErrors errors, string? accountSid, string? authToken, string? apiKey, string? apiSecret,
        string? baseUrl, string? sipUrl, IReadOnlyList<MetaEntry>? meta)
    {
        errors.MaxLength("account_sid", accountSid, 200);
        errors.MaxLength("auth_token", authToken, 1000);
        errors.MaxLength("api_key", apiKey, 1000);
        errors.MaxLength("api_secret", apiSecret, 1000);
        if (!string.IsNullOrEmpty(baseUrl)) Rules.HttpUrl(errors, "base_url", baseUrl);
        if (!string.IsNullOrEmpty(sipUrl) && (sipUrl.Length > 2000 || !Uri.TryCreate(sipUrl, UriKind.Absolute, out var sip) || sip.Scheme is not ("sip" or "sips")))
            errors.Add("sip_url", "Enter a sip: or sips: URI, e.g. sip:trunk.example.com.");
        if (meta is null) return;
        if (meta.Count > 100) errors.Add("meta_json", "At most 100 entries.");
        else if (ProviderDto.Meta(meta).Length > MaxMetaLength) errors.Add("meta_json", $"At most {MaxMetaLength} characters of JSON.");
        for (var i = 0; i < meta.Count; i++)
            if (NulCharacters.In(meta[i]?.MetaValue)) errors.Add($"meta_json[{i}].meta_value", NulCharacters.Message);
        for (var i = 0; i < meta.Count; i++)
        {
            if (meta[i] is null) errors.Add($"meta_json[{i}]", "Must be an object.");
            else
            {
                errors.Required($"meta_json[{i}].meta_key", meta[i].MetaKey);
                errors.MaxLength($"meta_json[{i}].meta_key", meta[i].MetaKey, 200);
            }
        }
    }
}
