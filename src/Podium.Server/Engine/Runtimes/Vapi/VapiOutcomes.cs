namespace Podium.Server.Engine.Runtimes.Vapi;

/// <summary>Vapi's <c>endedReason</c> values, mapped to Podium's outcomes (provider reference, section 4).</summary>
public static class VapiOutcomes
{
    private static readonly HashSet<string> Completed =
    [
        "customer-ended-call", "assistant-ended-call", "assistant-said-end-call-phrase", "assistant-ended-call-with-hangup-task",
        "assistant-ended-call-after-message-spoken", "assistant-forwarded-call", "exceeded-max-duration", "silence-timed-out",
        "customer-ended-call-before-warm-transfer", "customer-ended-call-after-warm-transfer-attempt", "customer-ended-call-during-transfer",
        "call.in-progress.twilio-completed-call", "call.in-progress.sip-completed-call", "vonage-completed", "phone-call-provider-closed-websocket",
    ];

    private static readonly HashSet<string> NoAnswer =
    [
        "customer-did-not-answer",
        "call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable",
        "call.in-progress.error-providerfault-outbound-sip-408-request-timeout",
    ];

    private static readonly HashSet<string> InvalidNumber = ["twilio-reported-customer-misdialed", "call.start.error-get-customer"];

    private static readonly HashSet<string> Carrier =
    [
        "twilio-failed-to-connect-call", "vonage-failed-to-connect-call", "vonage-disconnected",
        "call.in-progress.error-sip-outbound-call-failed-to-connect",
        "call.in-progress.error-providerfault-outbound-sip-403-forbidden",
        "call.in-progress.error-providerfault-outbound-sip-407-proxy-authentication-required",
        "call.in-progress.error-providerfault-outbound-sip-503-service-unavailable",
        "call.in-progress.error-providerfault-transport-never-connected",
        "call.in-progress.error-vapifault-transport-never-connected",
    ];

    private static readonly HashSet<string> Cancelled = ["manually-canceled", "scheduled-call-deleted", "call-deleted"];

    /// <summary>The outcome and, for a failure, its kind. Unknown values are provider errors.</summary>
    public static (string Outcome, string? FailureKind) Map(string? endedReason) => endedReason switch
    {
        null => (CallOutcomes.Failed, "provider_error"),
        _ when Completed.Contains(endedReason) => (CallOutcomes.Completed, null),
        "voicemail" => (CallOutcomes.Voicemail, null),
        "customer-busy" => (CallOutcomes.Busy, null),
        _ when NoAnswer.Contains(endedReason) => (CallOutcomes.NoAnswer, null),
        _ when InvalidNumber.Contains(endedReason) => (CallOutcomes.Failed, "invalid_number"),
        "vonage-rejected" => (CallOutcomes.Failed, "rejected"),
        _ when Carrier.Contains(endedReason) => (CallOutcomes.Failed, "carrier"),
        _ when Cancelled.Contains(endedReason) => (CallOutcomes.Failed, "cancelled"),
        _ => (CallOutcomes.Failed, "provider_error"),
    };
}
