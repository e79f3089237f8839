using Podium.Server.Engine.Runtimes.Providers;
using static Podium.Server.Engine.Runtimes.Providers.CallReport;

namespace Podium.Server.Engine.Runtimes.LiveKit;

/// <summary>
/// Calls through the organization's LiveKit server (Twirp over HTTP, HS256 tokens from the configuration's
/// key and secret): a room named for the attempt, an explicit dispatch of the agent worker named in the
/// runtime settings (the task, the attempt and the result callback with its token in the job metadata),
/// and, with a SIP trunk, the contact dialed by Podium with CreateSIPParticipant, waiting for the answer
/// so a busy line or a rang-out call is known at once from its SIP status. Without a trunk the agent
/// dials. LiveKit's signed webhooks tell when the SIP participant left; the agent posts the conversation.
/// </summary>
public sealed class LiveKitRuntime(ProviderServices services) : ProviderRuntime(services)
{
    private const string RoomPrefix = "podium-";

    public override AgentRuntime Kind => AgentRuntime.LiveKit;
    public override string ProviderName => "LiveKit";
    public override IReadOnlyList<string> RequiredSecrets { get; } = ["api_key", "api_secret"];

    /// <summary>Three requests, the last waiting while the phone rings.</summary>
    protected override TimeSpan PlacementTimeout(AgentCall attempt) => TimeSpan.FromSeconds(Ring(attempt.Settings.Call) + 30);

    /// <summary>One room per attempt, named so that LiveKit's events name the attempt too.</summary>
    public static string RoomName(AgentCall attempt) => RoomPrefix + attempt.IdempotencyKey;

    protected override async Task<AgentResult> PlaceAsync(ProviderAccount account, AgentCall attempt, CancellationToken ct)
    {
        if (account.Secret("api_secret")!.Length < LiveKitTokens.MinimumSecretLength)
            return AgentResult.Failure($"The agent's LiveKit configuration has an api_secret shorter than {LiveKitTokens.MinimumSecretLength} characters, too short to sign HS256 tokens with.") with { Final = true };
        var settings = attempt.Settings.Call;
        var room = RoomName(attempt);
        var created = await TwirpAsync(account, "RoomService/CreateRoom", new JsonObject
        {
            ["name"] = room,
            ["emptyTimeout"] = 300,
            ["metadata"] = CallInput.Metadata(attempt).ToJsonString(),
        }, "video", new Dictionary<string, object> { ["roomCreate"] = true }, ct);
        if (!created.Succeeded) return created.ForNow ? Deferred(created) : Refused(created);

        var job = CallInput.Metadata(attempt);
        job["podium_callback_url"] = Services.Address.TaskResultUrl(attempt.TaskId);
        job["podium_callback_token"] = attempt.CallbackToken;
        job["to_number"] = attempt.ToNumber;
        job["from_number"] = attempt.CallerNumber;
        job["variables"] = CallInput.Variables(attempt);
        // The bot speaks with the agent's voice profile when it has one; LiveKit itself has no voice to override.
        if (attempt.Voice is { } voice)
            job["voice"] = new JsonObject
            {
                ["tts_provider"] = voice.TtsProvider,
                ["tts_voice"] = voice.TtsVoice,
                ["tts_model"] = voice.TtsModel,
                ["language"] = voice.Language,
                ["greeting"] = voice.Greeting,
                ["speed"] = voice.Speed,
                ["stt_provider"] = voice.SttProvider,
                ["stt_model"] = voice.SttModel,
            };
        var dispatched = await TwirpAsync(account, "AgentDispatchService/CreateDispatch", new JsonObject
        {
            ["agentName"] = settings.AgentName,
            ["room"] = room,
            ["metadata"] = job.ToJsonString(),
        }, "video", new Dictionary<string, object> { ["roomAdmin"] = true, ["room"] = room }, ct);
        if (!dispatched.Succeeded) return dispatched.ForNow ? Deferred(dispatched) : Refused(dispatched);
        if (settings.SipTrunkId is null && attempt.Trunk is null) return Placed(room, attempt);

        var dial = new JsonObject
        {
            ["sipCallTo"] = attempt.ToNumber,
            ["sipNumber"] = attempt.CallerNumber,
            ["roomName"] = room,
            ["participantIdentity"] = "contact-" + attempt.IdempotencyKey,
            ["participantAttributes"] = new JsonObject { ["podium.task_id"] = attempt.TaskId, ["podium.attempt"] = attempt.Attempt.ToString(CultureInfo.InvariantCulture) },
            ["waitUntilAnswered"] = true,
            ["ringingTimeout"] = $"{Ring(settings)}s",
            ["maxCallDuration"] = $"{settings.MaxCallSeconds}s",
        };
        if (attempt.Trunk is { } own)
        {
            // The organization's own carrier, as an inline outbound trunk: no trunk needs creating at LiveKit.
            var trunk = new JsonObject { ["hostname"] = own.Port is { } port ? $"{own.Host}:{port}" : own.Host, ["transport"] = "SIP_TRANSPORT_" + own.Transport.ToUpperInvariant() };
            if (own.Username is { } username) trunk["authUsername"] = username;
            if (own.Password is { } password) trunk["authPassword"] = password;
            if (own.Region is { } region) trunk["destinationCountry"] = region;
            dial["trunk"] = trunk;
        }
        else dial["sipTrunkId"] = settings.SipTrunkId;
        var dialed = await TwirpAsync(account, "SIP/CreateSIPParticipant", dial, "sip", new Dictionary<string, object> { ["call"] = true }, ct);
        if (dialed.Succeeded) return Placed(room, attempt);
        // The dial ended without an answer, and says why in SIP terms: the attempt is over.
        if (Text(dialed.Json?["meta"]?["sip_status_code"]) is { } code)
        {
            await TwirpAsync(account, "RoomService/DeleteRoom", new JsonObject { ["room"] = room }, "video", new Dictionary<string, object> { ["roomCreate"] = true }, ct);
            var (outcome, kind) = LiveKitOutcomes.Sip(code);
            var now = Services.Clock.GetUtcNow().UtcDateTime;
            return new CallReport(room, CallProgress.Reported)
            {
                Outcome = outcome,
                FailureKind = kind,
                RawEndReason = $"sip {code} {Text(dialed.Json?["meta"]?["sip_status"])}".TrimEnd(),
                ProviderStatus = Text(dialed.Json?["code"]),
                StartedAt = now,
                EndedAt = now,
                DurationSeconds = 0,
            }.ToResult(Provider, ProviderName, attempt.CallerNumber);
        }
        // No SIP status: whether the phone rang is unknown.
        return dialed.Status == 429 ? Deferred(dialed) : Unknown($"CreateSIPParticipant answered HTTP {dialed.Status} without a SIP status");
    }

    /// <summary>
    /// The attempt's room is named for it, so LiveKit can be asked: no room means nothing was created,
    /// dispatched or dialled, and the call is placed now; a room means the call was under way, and its
    /// webhooks (or the bot's report) finish it.
    /// </summary>
    protected override async Task<AgentResult> ResumeAsync(ProviderAccount account, AgentCall attempt, CancellationToken ct)
    {
        var room = RoomName(attempt);
        var rooms = await TwirpAsync(account, "RoomService/ListRooms", new JsonObject { ["names"] = new JsonArray(room) }, "video", new Dictionary<string, object> { ["roomList"] = true }, ct);
        if (!rooms.Succeeded || rooms.Json?["rooms"] is not JsonArray found)
            return Unknown($"the server stopped while placing it, and LiveKit's room list answered HTTP {rooms.Status}");
        return found.Count == 0 ? await PlaceAsync(account, attempt, ct) : Placed(room, attempt);
    }

    /// <summary>Deleting the attempt's room ends the call: every participant, the contact's SIP leg included, is removed.</summary>
    protected override async Task<string?> EndCallAsync(ProviderAccount account, string providerCallId, CancellationToken ct)
    {
        var deleted = await TwirpAsync(account, "RoomService/DeleteRoom", new JsonObject { ["room"] = providerCallId }, "video", new Dictionary<string, object> { ["roomCreate"] = true }, ct);
        return deleted.Succeeded ? null : $"LiveKit answered HTTP {deleted.Status} to DeleteRoom";
    }

    /// <summary>LiveKit keeps no call to read back; the webhooks and the agent's report are all there is.</summary>
    public override Task<CallReport?> FetchAsync(ProviderAccount account, string providerCallId, CancellationToken ct) => Task.FromResult<CallReport?>(null);

    /// <summary>
    /// A webhook: <c>Authorization</c> carries a JWT (no <c>Bearer</c>) from the configuration's key, whose
    /// <c>sha256</c> claim is the body's hash. The SIP participant leaving its attempt's room ends the line.
    /// </summary>
    public override async ValueTask<ProviderEvent?> ReadEventAsync(ProviderAccount account, ProviderEventRequest request)
    {
        var token = request.Headers.Authorization.ToString();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) token = token["Bearer ".Length..].Trim();
        if (token.Length == 0 || account.Secret("api_key") is not { } key || account.Secret("api_secret") is not { } secret) return null;
        if (!await LiveKitTokens.VerifyWebhookAsync(token, key, secret, request.Body, Services.Clock.GetUtcNow())) return null;
        if (Json(request.Body) is not { } body || Text(body["room"]?["name"]) is not { } room || !room.StartsWith(RoomPrefix, StringComparison.Ordinal))
            return null;
        var verified = new ProviderEvent(room, null).WithKeyFrom(room[RoomPrefix.Length..]);
        if (Text(body["event"]) != "participant_left" || body["participant"] is not JsonObject participant || Text(participant["kind"]) != "SIP")
            return verified;
        var reason = Text(participant["disconnectReason"] ?? participant["disconnect_reason"]);
        var (outcome, kind) = LiveKitOutcomes.Disconnect(reason);
        var ended = Seconds(body["createdAt"] ?? body["created_at"]) ?? Services.Clock.GetUtcNow().UtcDateTime;
        var joined = Seconds(participant["joinedAt"] ?? participant["joined_at"]);
        return verified with
        {
            Report = new CallReport(room, CallProgress.Reported)
            {
                Outcome = outcome,
                FailureKind = kind,
                RawEndReason = reason ?? "UNKNOWN_REASON",
                ProviderStatus = Text(participant["attributes"]?["sip.callStatus"]),
                StartedAt = joined,
                EndedAt = ended,
                DurationSeconds = outcome == CallOutcomes.Completed && joined is { } start ? Math.Max(0, (int)(ended - start).TotalSeconds) : 0,
            },
        };
    }

    /// <summary>An int64 of Unix seconds, which protobuf's JSON writes as a string.</summary>
    private static DateTime? Seconds(JsonNode? node) =>
        long.TryParse(Text(node), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? DateTime.UnixEpoch.AddSeconds(s) : FromUnixSeconds(node);

    private static int Ring(CallSettings settings) => settings.RingSeconds ?? 30;

    private async Task<ProviderAnswer> TwirpAsync(ProviderAccount account, string method, JsonObject body, string grant, Dictionary<string, object> grants, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, account.Url("http://localhost:7880", $"/twirp/livekit.{method}")) { Content = JsonContent(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            LiveKitTokens.Mint(account.Secret("api_key")!, account.Secret("api_secret")!, Services.Clock.GetUtcNow(), grant, grants));
        return await SendAsync(request, ct);
    }
}
