namespace Podium.Server.Features.Telephony.Providers;

/// <summary>A provider Podium knows how to hold credentials for; <c>provider_details</c> on the wire.</summary>
/// <param name="Icon">Null: the console must work offline, so no remote icon URLs.</param>
public sealed record ProviderDetails(int Id, string Name, string Description, string? Icon)
{
    internal string Slug { get; init; } = "";
}

/// <summary>The known providers. Ids are stable: the old docs send <c>provider</c> as an integer id.</summary>
public static class ProviderCatalogue
{
    public static readonly IReadOnlyList<ProviderDetails> All =
    [
        new(1, "Twilio", "Programmable voice and SIP trunking.", null) { Slug = "twilio" },
        new(2, "Plivo", "Voice API and SIP trunking.", null) { Slug = "plivo" },
        new(3, "Vonage", "Voice API (formerly Nexmo).", null) { Slug = "vonage" },
        new(4, "Telnyx", "Voice API and SIP trunking.", null) { Slug = "telnyx" },
        new(5, "Vapi", "Hosted voice AI agents.", null) { Slug = "vapi" },
        new(6, "LiveKit", "Real-time audio rooms and SIP.", null) { Slug = "livekit" },
        new(7, "Daily", "Real-time audio and video rooms.", null) { Slug = "daily" },
        new(8, "SIP", "Any SIP trunk reached by URI.", null) { Slug = "sip" },
        new(9, "Retell", "Hosted voice AI agents.", null) { Slug = "retell" },
        new(10, "ElevenLabs", "Hosted conversational voice agents.", null) { Slug = "elevenlabs" },
    ];

    public static string Slugs => string.Join(", ", All.Select(p => p.Slug));

    public static ProviderDetails? BySlug(string slug) => All.FirstOrDefault(p => p.Slug == slug);

    /// <summary>A slug (<c>"twilio"</c>), an id (<c>3</c>) or an id in a string (<c>"3"</c>), as either doc generation sends it.</summary>
    public static ProviderDetails? Resolve(JsonNode? value)
    {
        if (value is not JsonValue scalar) return null;
        return scalar.GetValueKind() switch
        {
            JsonValueKind.String when scalar.GetValue<string>().Trim().ToLowerInvariant() is var text =>
                int.TryParse(text, out var id) ? All.FirstOrDefault(p => p.Id == id) : BySlug(text),
            JsonValueKind.Number when scalar.TryGetValue<int>(out var id) => All.FirstOrDefault(p => p.Id == id),
            _ => null,
        };
    }
}
