using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// A LiveKit server as its reference describes it: Twirp JSON at <c>/twirp/livekit.{Service}/{Method}</c>
/// with a Bearer HS256 token carrying the grants each method needs; CreateSIPParticipant waits for the
/// answer and fails with the SIP status in the error's meta; webhooks carry a JWT with the body's hash.
/// </summary>
public sealed class FakeLiveKit : FakeProvider
{
    public const string Key = "APIfakekey0123";
    public const string Secret = "fake-livekit-api-secret-0123456789abcdef";
    public const string Trunk = "ST_fake0123";

    public override string Provider => "livekit";

    public override JsonObject RuntimeSettings => new() { ["agent_name"] = "podium-agent", ["sip_trunk_id"] = Trunk, ["from_number"] = "+15005550002" };

    /// <summary>How the dial to each number ends; the test sets it from its script.</summary>
    public Func<string, Ending> Script { get; set; } = _ => Ending.Completed;

    /// <summary>The dispatches made, by room: the job metadata the agent worker would get.</summary>
    public ConcurrentDictionary<string, JsonObject> Dispatches { get; } = new();

    public ConcurrentDictionary<string, bool> Rooms { get; } = new();

    public override string Raw(Ending ending) => ending switch
    {
        Ending.Completed or Ending.Voicemail => "CLIENT_INITIATED",
        Ending.Busy => "sip 486 Busy Here",
        Ending.NoAnswer => "sip 480 Temporarily Unavailable",
        _ => "sip 503 Service Unavailable",
    };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/twirp/livekit.RoomService/CreateRoom", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            var name = Text(body?["name"]);
            if (!Authorized(context, "video", "roomCreate", null) | !Check(name is { Length: > 0 }, "CreateRoom without name")) return Twirp("invalid_argument", "bad request", 400);
            if (await ScriptedAnswerAsync(context)) return Results.Empty;
            Rooms[name!] = true;
            return Json(new JsonObject { ["sid"] = "RM_" + name, ["name"] = name, ["emptyTimeout"] = 300, ["creationTime"] = "1764583200" });
        });
        app.MapPost("/twirp/livekit.RoomService/ListRooms", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            if (!Authorized(context, "video", "roomList", null)) return Twirp("unauthenticated", "no", 401);
            var names = (body?["names"] as JsonArray)?.Select(n => Text(n)).OfType<string>().ToList() ?? [.. Rooms.Keys];
            return Json(new JsonObject { ["rooms"] = new JsonArray(names.Where(Rooms.ContainsKey).Select(n => (JsonNode)new JsonObject { ["sid"] = "RM_" + n, ["name"] = n }).ToArray()) });
        });
        app.MapPost("/twirp/livekit.RoomService/DeleteRoom", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            if (!Authorized(context, "video", "roomCreate", null)) return Twirp("unauthenticated", "no", 401);
            if (Rooms.TryRemove(Text(body?["room"]) ?? "", out _)) HungUp.Enqueue(Text(body?["room"])!);
            return Json([]);
        });
        app.MapPost("/twirp/livekit.AgentDispatchService/CreateDispatch", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            var room = Text(body?["room"]);
            if (!Authorized(context, "video", "roomAdmin", room) | !Check(Text(body?["agentName"]) == "podium-agent", "CreateDispatch without agentName")
                | !Check(room is not null && Rooms.ContainsKey(room), "CreateDispatch into a room that was not created")
                | !Check(Text(body?["metadata"]) is { } m && JsonNode.Parse(m)?["podium_callback_token"] is not null, "CreateDispatch without the task in its metadata"))
                return Twirp("invalid_argument", "bad request", 400);
            Dispatches[room!] = JsonNode.Parse(Text(body!["metadata"])!)!.AsObject();
            return Json(new JsonObject { ["id"] = "AD_" + room, ["agentName"] = "podium-agent", ["room"] = room, ["metadata"] = body["metadata"]!.DeepClone() });
        });
        app.MapPost("/twirp/livekit.SIP/CreateSIPParticipant", async (HttpContext context) =>
        {
            var body = await BodyAsync(context.Request);
            var to = Text(body?["sipCallTo"]);
            var room = Text(body?["roomName"]);
            // An outbound trunk by id, or inline (the caller's own carrier: hostname, transport, credentials).
            var trunked = Text(body?["sipTrunkId"]) == Trunk ^ Text(body?["trunk"]?["hostname"]) is { Length: > 0 };
            if (!Authorized(context, "sip", "call", null) | !Check(trunked, "CreateSIPParticipant without one of sipTrunkId and trunk")
                | !Check(to?.StartsWith('+') == true, "CreateSIPParticipant without sipCallTo")
                | !Check(room is not null && Dispatches.ContainsKey(room), "CreateSIPParticipant before the agent was dispatched")
                | !Check(body?["waitUntilAnswered"]?.GetValue<bool>() == true, "CreateSIPParticipant without waitUntilAnswered"))
                return Twirp("invalid_argument", "bad request", 400);
            Place(new PlacedCall(room!, to!, body!, DateTime.UtcNow));
            return Script(to!) switch
            {
                Ending.Busy => Twirp("resource_exhausted", "sip status 486: Busy Here", 403, "486", "Busy Here"),
                Ending.NoAnswer => Twirp("resource_exhausted", "sip status 480: Temporarily Unavailable", 403, "480", "Temporarily Unavailable"),
                Ending.Failed => Twirp("failed_precondition", "sip status 503: Service Unavailable", 412, "503", "Service Unavailable"),
                _ => Json(new JsonObject { ["participantId"] = "PA_" + room, ["participantIdentity"] = Text(body!["participantIdentity"]), ["roomName"] = room, ["sipCallId"] = "SCL_" + room }),
            };
        });
    }

    /// <summary>Checks the Bearer token: HS256 with the secret, the key as issuer, unexpired, with the grant the method needs.</summary>
    private bool Authorized(HttpContext context, string grant, string right, string? room)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!Check(header.StartsWith("Bearer ", StringComparison.Ordinal), $"{context.Request.Path} without a Bearer token")) return false;
        var result = new JsonWebTokenHandler().ValidateTokenAsync(header["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = Key,
            ValidateAudience = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
            RequireExpirationTime = true,
            ValidateLifetime = false,
        }).GetAwaiter().GetResult();
        if (!Check(result.IsValid, $"{context.Request.Path} with a token that does not verify: {result.Exception?.Message}")) return false;
        var token = (JsonWebToken)result.SecurityToken;
        var grants = token.TryGetPayloadValue<JsonElement>(grant, out var g) ? g : default;
        var ok = grants.ValueKind == JsonValueKind.Object && grants.TryGetProperty(right, out var r) && r.ValueKind == JsonValueKind.True
            && (room is null || (grants.TryGetProperty("room", out var n) && n.GetString() == room));
        // Podium mints on its own (test) clock, so the lifetime is checked as a span, not against this machine's time.
        return Check(ok, $"{context.Request.Path} without the {grant}.{right} grant{(room is null ? "" : " for its room")}")
            & Check(token.ValidTo > token.ValidFrom && token.ValidTo - token.ValidFrom <= TimeSpan.FromHours(6), $"{context.Request.Path} with a token without nbf and exp");
    }

    private static IResult Twirp(string code, string message, int status, string? sip = null, string? phrase = null)
    {
        var body = new JsonObject { ["code"] = code, ["msg"] = message };
        if (sip is not null) body["meta"] = new JsonObject { ["sip_status_code"] = sip, ["sip_status"] = phrase };
        return Json(body, (System.Net.HttpStatusCode)status);
    }

    /// <summary>The SIP participant's <c>participant_left</c>, signed as LiveKit signs webhooks.</summary>
    public override HttpRequestMessage EndEvent(PlacedCall placed, Ending ending, string eventsUrl, DateTimeOffset now) =>
        Webhook(eventsUrl, new JsonObject
        {
            ["event"] = "participant_left",
            ["id"] = "EV_" + placed.Id,
            ["createdAt"] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["room"] = new JsonObject { ["sid"] = "RM_" + placed.Id, ["name"] = placed.Id },
            ["participant"] = new JsonObject
            {
                ["sid"] = "PA_" + placed.Id,
                ["identity"] = Text(placed.Body["participantIdentity"]),
                ["state"] = "DISCONNECTED",
                ["kind"] = "SIP",
                ["joinedAt"] = now.AddSeconds(-42).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["attributes"] = new JsonObject { ["sip.callStatus"] = "hangup", ["sip.phoneNumber"] = placed.ToNumber },
                // As the SIP service reports a line that ended this way (reference, LiveKit §8).
                ["disconnectReason"] = ending switch
                {
                    Ending.Busy => "USER_REJECTED",
                    Ending.NoAnswer => "USER_UNAVAILABLE",
                    Ending.Failed => "SIP_TRUNK_FAILURE",
                    _ => "CLIENT_INITIATED",
                },
            },
        }, now);

    /// <summary>An event LiveKit sends that says nothing of the line's end (the agent joining).</summary>
    public static HttpRequestMessage JoinedEvent(PlacedCall placed, string eventsUrl, DateTimeOffset now) =>
        Webhook(eventsUrl, new JsonObject
        {
            ["event"] = "participant_joined",
            ["id"] = "EVJ_" + placed.Id,
            ["room"] = new JsonObject { ["name"] = placed.Id },
            ["participant"] = new JsonObject { ["identity"] = "agent", ["kind"] = "AGENT" },
        }, now);

    public static HttpRequestMessage Webhook(string url, JsonObject body, DateTimeOffset now, string secret = Secret, string? hashOf = null)
    {
        var text = body.ToJsonString();
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(hashOf ?? text)));
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Key,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            Claims = new Dictionary<string, object> { ["sha256"] = hash },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        });
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(text, Encoding.UTF8, "application/webhook+json") };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        request.Headers.UserAgent.ParseAdd("LiveKit");
        return request;
    }

    protected override void Forge(HttpRequestMessage request)
    {
        var body = request.Content!.ReadAsStringAsync().GetAwaiter().GetResult();
        var forged = Webhook(request.RequestUri!.ToString(), JsonNode.Parse(body)!.AsObject(), DateTimeOffset.UtcNow, secret: "not-the-livekit-secret-0123456789abcdef");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", forged.Headers.GetValues("Authorization"));
    }
}
