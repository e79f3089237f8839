using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Engine.Runtimes.Twilio;

/// <summary>Twilio's call statuses, <c>AnsweredBy</c> verdicts, SIP codes and error codes, in Podium's outcomes (provider reference, Twilio §3-5, §10).</summary>
public static class TwilioOutcomes
{
    private static readonly HashSet<int> InvalidNumberCodes = [21201, 21211, 21214, 21217, 13223, 13224, 13226, 32101];

    /// <summary>Error codes of a create request that say the number cannot be called.</summary>
    public static bool InvalidNumber(int code) => InvalidNumberCodes.Contains(code);

    /// <summary>Twilio's final statuses; the others (queued, initiated, ringing, in-progress) say the call is live.</summary>
    public static bool Terminal(string? status) => status is "completed" or "busy" or "no-answer" or "failed" or "canceled";

    /// <summary>The outcome of a call in a final status; <paramref name="sipCode"/> sharpens <c>failed</c>.</summary>
    public static (string Outcome, string? FailureKind) Map(string? status, string? answeredBy, string? sipCode) => status switch
    {
        "completed" when answeredBy?.StartsWith("machine_", StringComparison.Ordinal) == true => (CallOutcomes.Voicemail, null),
        "completed" when answeredBy == "fax" => (CallOutcomes.Failed, "fax"),
        "completed" => (CallOutcomes.Completed, null),
        "busy" => (CallOutcomes.Busy, null),
        "no-answer" => (CallOutcomes.NoAnswer, null),
        "canceled" => (CallOutcomes.Failed, "cancelled"),
        "failed" => SipOutcomes.Map(sipCode) ?? (CallOutcomes.Failed, "carrier"),
        _ => (CallOutcomes.Failed, "provider_error"),
    };
}
