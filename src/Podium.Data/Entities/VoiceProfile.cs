namespace Podium.Data.Entities;

/// <summary>
/// How an agent sounds and listens: a text-to-speech voice, speech-to-text settings and a greeting, with
/// the quality, cost and latency figures an organization picks one by. Runtimes whose provider takes a
/// voice override pass the voice on.
/// </summary>
public sealed class VoiceProfile : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }

    /// <summary>"VP" and 24 hex characters: the id the API, the Unpod SDK and agents name the profile by.</summary>
    public required string ProfileId { get; set; }
    public required string Name { get; set; }
    public string Description { get; set; } = "";

    /// <summary>BCP 47, e.g. en-US: the profile's main language.</summary>
    public required string Language { get; set; }

    /// <summary>Every language the voice speaks, comma-separated (the main one first).</summary>
    public string Languages { get; set; } = "";
    public string? Gender { get; set; }
    public required string TtsProvider { get; set; }
    public required string TtsVoice { get; set; }
    public string? TtsModel { get; set; }
    public string? TtsLanguage { get; set; }
    public string? SttProvider { get; set; }
    public string? SttModel { get; set; }

    /// <summary>Languages the recognizer listens for, comma-separated.</summary>
    public string SttLanguages { get; set; } = "";
    public string? Greeting { get; set; }
    public string? VoicePrompt { get; set; }
    public double? VoiceSpeed { get; set; }
    public double? VoiceTemperature { get; set; }

    /// <summary>standard, premium or economy: how the organization ranks it.</summary>
    public string Quality { get; set; } = "standard";

    /// <summary>The estimated cost of a minute of speech, in millionths of a US dollar.</summary>
    public long? CostPerMinuteMicros { get; set; }

    /// <summary>The 95th percentile of the time to first audio, in milliseconds.</summary>
    public int? LatencyMs { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
