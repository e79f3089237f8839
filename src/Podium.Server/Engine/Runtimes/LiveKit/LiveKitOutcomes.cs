using System.Globalization;
using Podium.Data.Entities;

namespace Podium.Server.Engine.Runtimes.LiveKit;

/// <summary>LiveKit's SIP status codes and disconnect reasons, in Podium's outcomes (provider reference, LiveKit §6, §8).</summary>
public static class LiveKitOutcomes
{
    /// <summary>A dial that failed with a SIP final response (<c>meta.sip_status_code</c> of CreateSIPParticipant).</summary>
    public static (string Outcome, string? FailureKind) Sip(string code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var sip)
            ? sip switch
            {
                486 or 600 => (CallOutcomes.Busy, null),
                480 or 408 => (CallOutcomes.NoAnswer, null),
                404 or 484 or 485 or 604 => (CallOutcomes.Failed, "invalid_number"),
                401 or 403 or 407 or 603 or 607 or 608 => (CallOutcomes.Failed, "rejected"),
                487 => (CallOutcomes.Failed, "cancelled"),
                >= 500 and < 600 => (CallOutcomes.Failed, "carrier"),
                _ => (CallOutcomes.Failed, "carrier"),
            }
            : (CallOutcomes.Failed, "provider_error");

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
