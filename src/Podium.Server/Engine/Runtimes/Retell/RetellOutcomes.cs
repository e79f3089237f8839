namespace Podium.Server.Engine.Runtimes.Retell;

/// <summary>Retell's <c>disconnection_reason</c> values, mapped to Podium's outcomes (provider reference, section 4).</summary>
public static class RetellOutcomes
{
    public static (string Outcome, string? FailureKind) Map(string? reason) => reason switch
    {
        "user_hangup" or "agent_hangup" or "call_transfer" or "inactivity" or "max_duration_reached" or "transfer_bridged"
            or "transfer_cancelled" or "call_take_over" => (CallOutcomes.Completed, null),
        "voicemail_reached" or "ivr_reached" => (CallOutcomes.Voicemail, null),
        "dial_busy" => (CallOutcomes.Busy, null),
        "dial_no_answer" => (CallOutcomes.NoAnswer, null),
        "invalid_destination" => (CallOutcomes.Failed, "invalid_number"),
        "user_declined" or "marked_as_spam" => (CallOutcomes.Failed, "rejected"),
        "dial_failed" or "sip_routing_error" or "telephony_provider_permission_denied" or "telephony_provider_unavailable" => (CallOutcomes.Failed, "carrier"),
        "manual_stopped" => (CallOutcomes.Failed, "cancelled"),
        _ => (CallOutcomes.Failed, "provider_error"),
    };
}
