using Podium.Data.Entities;
using Podium.Server.Engine.Runtimes.LiveKit;
using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Engine.Runtimes.Retell;
using Podium.Server.Engine.Runtimes.Twilio;
using Podium.Server.Engine.Runtimes.Vapi;

namespace Podium.Server.Tests.Providers;

/// <summary>Each provider's end states in Podium's outcomes, row by row as the provider reference's tables give them.</summary>
public sealed class OutcomeMappingTests
{
    [Theory]
    [InlineData("486", CallOutcomes.Busy, null)]
    [InlineData("600", CallOutcomes.Busy, null)]
    [InlineData("603", CallOutcomes.Failed, "rejected")]
    [InlineData("480", CallOutcomes.NoAnswer, null)]
    [InlineData("408", CallOutcomes.NoAnswer, null)]
    [InlineData("404", CallOutcomes.Failed, "invalid_number")]
    [InlineData("484", CallOutcomes.Failed, "invalid_number")]
    [InlineData("503", CallOutcomes.Failed, "carrier")]
    [InlineData("487", CallOutcomes.Failed, "cancelled")]
    public void Sip_FinalResponses(string code, string outcome, string? kind) => Assert.Equal((outcome, kind), SipOutcomes.Map(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("busy")]
    [InlineData("-486")]
    [InlineData("200")]
    [InlineData("302")]
    public void Sip_CodesTheTableDoesNotKnow_AreNoOutcome(string? code) => Assert.Null(SipOutcomes.Map(code));

    [Theory]
    [InlineData("completed", null, null, CallOutcomes.Completed, null)]
    [InlineData("completed", "human", null, CallOutcomes.Completed, null)]
    [InlineData("completed", "unknown", null, CallOutcomes.Completed, null)]
    [InlineData("completed", "machine_start", null, CallOutcomes.Voicemail, null)]
    [InlineData("completed", "machine_end_beep", null, CallOutcomes.Voicemail, null)]
    [InlineData("completed", "fax", null, CallOutcomes.Failed, "fax")]
    [InlineData("busy", null, null, CallOutcomes.Busy, null)]
    [InlineData("no-answer", null, null, CallOutcomes.NoAnswer, null)]
    [InlineData("canceled", null, null, CallOutcomes.Failed, "cancelled")]
    [InlineData("failed", null, "404", CallOutcomes.Failed, "invalid_number")]
    [InlineData("failed", null, "486", CallOutcomes.Busy, null)]
    [InlineData("failed", null, null, CallOutcomes.Failed, "carrier")]
    [InlineData("in-progress", null, null, CallOutcomes.Failed, "provider_error")]
    public void Twilio_FinalStatuses(string status, string? answeredBy, string? sipCode, string outcome, string? kind) =>
        Assert.Equal((outcome, kind), TwilioOutcomes.Map(status, answeredBy, sipCode));

    [Theory]
    [InlineData("completed", true)]
    [InlineData("busy", true)]
    [InlineData("no-answer", true)]
    [InlineData("failed", true)]
    [InlineData("canceled", true)]
    [InlineData("queued", false)]
    [InlineData("initiated", false)]
    [InlineData("ringing", false)]
    [InlineData("in-progress", false)]
    [InlineData(null, false)]
    public void Twilio_TerminalStatuses(string? status, bool terminal) => Assert.Equal(terminal, TwilioOutcomes.Terminal(status));

    [Theory]
    [InlineData("486", CallOutcomes.Busy, null)]
    [InlineData("480", CallOutcomes.NoAnswer, null)]
    [InlineData("404", CallOutcomes.Failed, "invalid_number")]
    [InlineData("401", CallOutcomes.Failed, "rejected")]
    [InlineData("407", CallOutcomes.Failed, "rejected")]
    [InlineData("503", CallOutcomes.Failed, "carrier")]
    [InlineData("499", CallOutcomes.Failed, "carrier")]
    [InlineData("not-a-code", CallOutcomes.Failed, "provider_error")]
    public void LiveKit_SipStatusCodes(string code, string outcome, string? kind) => Assert.Equal((outcome, kind), LiveKitOutcomes.Sip(code));

    [Theory]
    [InlineData("CLIENT_INITIATED", CallOutcomes.Completed, null)]
    [InlineData("ROOM_DELETED", CallOutcomes.Completed, null)]
    [InlineData("PARTICIPANT_REMOVED", CallOutcomes.Completed, null)]
    [InlineData("USER_UNAVAILABLE", CallOutcomes.NoAnswer, null)]
    [InlineData("USER_REJECTED", CallOutcomes.Busy, null)]
    [InlineData("SIP_TRUNK_FAILURE", CallOutcomes.Failed, "carrier")]
    [InlineData(null, CallOutcomes.Failed, "provider_error")]
    [InlineData("SOMETHING_NEW", CallOutcomes.Failed, "provider_error")]
    public void LiveKit_DisconnectReasons(string? reason, string outcome, string? kind) => Assert.Equal((outcome, kind), LiveKitOutcomes.Disconnect(reason));

    [Theory]
    [InlineData("customer-ended-call", CallOutcomes.Completed, null)]
    [InlineData("exceeded-max-duration", CallOutcomes.Completed, null)]
    [InlineData("voicemail", CallOutcomes.Voicemail, null)]
    [InlineData("customer-busy", CallOutcomes.Busy, null)]
    [InlineData("customer-did-not-answer", CallOutcomes.NoAnswer, null)]
    [InlineData("call.in-progress.error-providerfault-outbound-sip-480-temporarily-unavailable", CallOutcomes.NoAnswer, null)]
    [InlineData("twilio-reported-customer-misdialed", CallOutcomes.Failed, "invalid_number")]
    [InlineData("vonage-rejected", CallOutcomes.Failed, "rejected")]
    [InlineData("call.in-progress.error-providerfault-outbound-sip-503-service-unavailable", CallOutcomes.Failed, "carrier")]
    [InlineData("call.start.error-subscription-concurrency-limit-reached", CallOutcomes.Failed, "provider_error")]
    [InlineData("manually-canceled", CallOutcomes.Failed, "cancelled")]
    [InlineData("a-value-vapi-adds-next-year", CallOutcomes.Failed, "provider_error")]
    public void Vapi_EndedReasons(string raw, string outcome, string? kind) => Assert.Equal((outcome, kind), VapiOutcomes.Map(raw));

    [Theory]
    [InlineData("user_hangup", CallOutcomes.Completed, null)]
    [InlineData("voicemail_reached", CallOutcomes.Voicemail, null)]
    [InlineData("ivr_reached", CallOutcomes.Voicemail, null)]
    [InlineData("dial_busy", CallOutcomes.Busy, null)]
    [InlineData("dial_no_answer", CallOutcomes.NoAnswer, null)]
    [InlineData("invalid_destination", CallOutcomes.Failed, "invalid_number")]
    [InlineData("user_declined", CallOutcomes.Failed, "rejected")]
    [InlineData("sip_routing_error", CallOutcomes.Failed, "carrier")]
    [InlineData("error_llm_websocket_open", CallOutcomes.Failed, "provider_error")]
    [InlineData("manual_stopped", CallOutcomes.Failed, "cancelled")]
    public void Retell_DisconnectionReasons(string raw, string outcome, string? kind) => Assert.Equal((outcome, kind), RetellOutcomes.Map(raw));
}
