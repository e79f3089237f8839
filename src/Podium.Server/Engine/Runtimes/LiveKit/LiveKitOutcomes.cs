using Podium.Server.Engine.Runtimes.Providers;

namespace Podium.Server.Engine.Runtimes.LiveKit;

/// <summary>LiveKit's SIP status codes and disconnect reasons, in Podium's outcomes (provider reference, LiveKit §6, §8).</summary>
public static class LiveKitOutcomes
{
    /// <summary>A dial that failed with a SIP final response (<c>meta.sip_status_code</c> of CreateSIPParticipant).</summary>
    public static (string Outcome, string? FailureKind) Sip(string code) => code switch
    {
        _ when !int.TryParse(code, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) => (CallOutcomes.Failed, "provider_error"),
        // LiveKit's SIP service counts the trunk's authentication challenges as the callee rejecting the call.
        "401" or "407" => (CallOutcomes.Failed, "rejected"),
        _ => SipOutcomes.Map(code) ?? (CallOutcomes.Failed, "carrier"),
    };

    /// <summary>
    /// How the SIP participant left the room. The reason alone cannot tell busy from declined or
    /// no-answer from an invalid number (the SIP service folds them); the likelier one is taken.
    /// </summary>
    public static (string Outcome, string? FailureKind) Disconnect(string? reason) => reason switch
    {
        "CLIENT_INITIATED" or "ROOM_DELETED" or "ROOM_CLOSED" or "PARTICIPANT_REMOVED" => (CallOutcomes.Completed, null),
        "USER_UNAVAILABLE" => (CallOutcomes.NoAnswer, null),
        "USER_REJECTED" => (CallOutcomes.Busy, null),
        "SIP_TRUNK_FAILURE" => (CallOutcomes.Failed, "carrier"),
        _ => (CallOutcomes.Failed, "provider_error"),
    };
}
