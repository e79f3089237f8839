using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Podium.Server.Tests.Providers;

/// <summary>
/// Twilio's Calls API as its reference describes it: form-encoded <c>POST .../Calls.json</c> with Basic auth,
/// <c>GET .../Calls/{Sid}.json</c>, and the requests Twilio makes of Podium (the TwiML fetch when the call is
/// answered, the status callbacks), form-encoded and signed with <c>X-Twilio-Signature</c>, which this fake
/// computes itself from the documented algorithm (the test checks it with the library's RequestValidator).
/// </summary>
public sealed class FakeTwilio : FakeProvider
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "fake-twilio-auth-token-0123456789";
    public const string From = "+15005550001";

    public override string Provider => "twilio";

    public override JsonObject RuntimeSettings => new()
    {
        ["stream_url"] = "wss://bot.example/media",
        ["from_number"] = From,
        ["machine_detection"] = "detect_message_end",
        ["voicemail_message"] = "Sorry we missed you, we will call again.",
        ["ring_seconds"] = 25,
    };

    public override string Raw(Ending ending) => ending switch
    {
        Ending.Completed => "completed/human",
        Ending.Voicemail => "completed/machine_end_beep",
        Ending.Busy => "busy",
        Ending.NoAnswer => "no-answer",
        _ => "failed/sip 503",
    };

    protected override void Map(WebApplication app)
    {
        app.MapPost("/2010-04-01/Accounts/{sid}/Calls.json", async (string sid, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            var events = form["StatusCallbackEvent"].ToArray();
            if (!Authorized(context, sid) | !Check(context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true, "Calls.json not form-encoded")
                // A SIP To (sip:+1…@carrier) dials through the caller's own trunk, with SipAuthUsername/SipAuthPassword.
                | !Check(form["To"].ToString().StartsWith('+') || form["To"].ToString().StartsWith("sip:+", StringComparison.Ordinal), "Calls.json without To in E.164 or as a SIP address")
                | !Check(form["From"].ToString().StartsWith('+'), "Calls.json without From in E.164")
                | !Check(Uri.TryCreate(form["Url"], UriKind.Absolute, out _), "Calls.json without an absolute Url")
                | !Check(Uri.TryCreate(form["StatusCallback"], UriKind.Absolute, out _), "Calls.json without an absolute StatusCallback")
                | !Check(events.Contains("completed") && events.Contains("answered"), "Calls.json without the completed and answered StatusCallbackEvent fields")
                | !Check(form["MachineDetection"].ToString() == "DetectMessageEnd", "Calls.json without MachineDetection")
                | !Check(form["Timeout"].ToString() == "25", "Calls.json without Timeout"))
                return Error(21201, "No 'To' number is specified", HttpStatusCode.BadRequest);
            if (await ScriptedAnswerAsync(context)) return Results.Empty;
            var callSid = "CA" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var body = new JsonObject();
            foreach (var (key, value) in form) body[key] = value.Count > 1 ? new JsonArray(value.Select(v => (JsonNode)v!).ToArray()) : value.ToString();
            Place(new PlacedCall(callSid, form["To"].ToString(), body, DateTime.UtcNow));
            return Json(Resource(callSid, form["To"].ToString(), "queued", null), HttpStatusCode.Created);
        });
        // Update: Status=completed hangs the call up (Status=canceled only while queued or ringing).
        app.MapPost("/2010-04-01/Accounts/{sid}/Calls/{callSid}.json", async (string sid, string callSid, HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            if (!Authorized(context, sid) | !Check(form["Status"].ToString() is "completed" or "canceled", "Call update without Status completed or canceled"))
                return Error(21218, "Invalid Status", HttpStatusCode.BadRequest);
            var call = Placed.FirstOrDefault(c => c.Id == callSid);
            if (call is null) return Error(20404, "The requested resource was not found", HttpStatusCode.NotFound);
            HungUp.Enqueue(callSid);
            return Json(Resource(callSid, call.ToNumber, "completed", Ending.Completed));
        });
        app.MapGet("/2010-04-01/Accounts/{sid}/Calls/{callSid}.json", (string sid, string callSid, HttpContext context) =>
        {
            if (!Authorized(context, sid)) return Error(20003, "Authenticate", HttpStatusCode.Unauthorized);
            var call = Placed.FirstOrDefault(c => c.Id == callSid);
            if (call is null) return Error(20404, "The requested resource was not found", HttpStatusCode.NotFound);
            return EndedOnRead.TryGetValue(callSid, out var ending)
                ? Json(Resource(callSid, call.ToNumber, Status(ending), ending))
                : Json(Resource(callSid, call.ToNumber, "in-progress", null));
        });
    }

    private bool Authorized(HttpContext context, string sid)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        return Check(sid == AccountSid, $"{context.Request.Path} for another account") & Check(context.Request.Headers.Authorization.ToString() == expected, $"{context.Request.Path} without Basic auth");
    }

    private static IResult Error(int code, string message, HttpStatusCode status) =>
        Json(new JsonObject { ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = (int)status }, status);

    private static JsonObject Resource(string sid, string to, string status, Ending? ending) => new()
    {
        ["sid"] = sid,
        ["account_sid"] = AccountSid,
        ["to"] = to,
        ["from"] = From,
        ["status"] = status,
        ["direction"] = "outbound-api",
        ["api_version"] = "2010-04-01",
        ["start_time"] = ending is Ending.Completed or Ending.Voicemail ? "Tue, 01 Dec 2026 10:00:00 +0000" : null,
        ["end_time"] = ending is null ? null : "Tue, 01 Dec 2026 10:00:42 +0000",
        ["duration"] = ending is Ending.Completed or Ending.Voicemail ? "42" : "0",
        ["price"] = ending is null ? null : "-0.01300",
        ["price_unit"] = "USD",
        ["answered_by"] = ending == Ending.Voicemail ? "machine_end_beep" : ending == Ending.Completed ? "human" : null,
        ["date_created"] = "Tue, 01 Dec 2026 09:59:50 +0000",
        ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Calls/{sid}.json",
    };

    private static string Status(Ending ending) => ending switch
    {
        Ending.Completed or Ending.Voicemail => "completed",
        Ending.Busy => "busy",
        Ending.NoAnswer => "no-answer",
        _ => "failed",
    };

    /// <summary>Twilio asking for the answered call's TwiML, with the AMD verdict.</summary>
    public static HttpRequestMessage AnswerRequest(PlacedCall call, string answeredBy) => Signed(Text(call.Body["Url"])!, new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["AccountSid"] = AccountSid,
        ["AnsweredBy"] = answeredBy,
        ["ApiVersion"] = "2010-04-01",
        ["CallSid"] = call.Id,
        ["CallStatus"] = "in-progress",
        ["Direction"] = "outbound-api",
        ["From"] = From,
        ["To"] = call.ToNumber,
    });

    /// <summary>The final status callback, posted to the StatusCallback Podium gave; <paramref name="eventsUrl"/> is not used.</summary>
    public override HttpRequestMessage EndEvent(PlacedCall placed, Ending ending, string eventsUrl, DateTimeOffset now)
    {
        var form = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = AccountSid,
            ["ApiVersion"] = "2010-04-01",
            ["CallSid"] = placed.Id,
            ["CallStatus"] = Status(ending),
            ["CallbackSource"] = "call-progress-events",
            ["Direction"] = "outbound-api",
            ["From"] = From,
            ["SequenceNumber"] = "3",
            ["Timestamp"] = now.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture),
            ["To"] = placed.ToNumber,
        };
        if (ending is Ending.Completed or Ending.Voicemail)
        {
            form["CallDuration"] = "42";
            form["AnsweredBy"] = ending == Ending.Voicemail ? "machine_end_beep" : "human";
        }
        if (ending == Ending.Failed) form["SipResponseCode"] = "503";
        return Signed(Text(placed.Body["StatusCallback"])!, form);
    }

    /// <summary>A status callback that is not the last (ringing): Podium acknowledges it and waits.</summary>
    public static HttpRequestMessage RingingEvent(PlacedCall placed) => Signed(Text(placed.Body["StatusCallback"])!, new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["AccountSid"] = AccountSid,
        ["CallSid"] = placed.Id,
        ["CallStatus"] = "ringing",
        ["To"] = placed.ToNumber,
    });

    /// <summary>
    /// Twilio's algorithm: the full URL, then each POST field's name and value in ordinal order of the
    /// names, HMAC-SHA1 with the auth token, Base64.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Twilio's documented signature is HMAC-SHA1.")]
    public static string Signature(string url, IEnumerable<KeyValuePair<string, string>> form, string token = AuthToken)
    {
        var text = new StringBuilder(url);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(key).Append(value);
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static HttpRequestMessage Signed(string url, SortedDictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Signature(url, form));
        request.Headers.Add("I-Twilio-Idempotency-Token", Guid.NewGuid().ToString());
        return request;
    }

    protected override void Forge(HttpRequestMessage request)
    {
        request.Headers.Remove("X-Twilio-Signature");
        request.Headers.Add("X-Twilio-Signature", Signature("https://elsewhere.example/", [], "not-the-token"));
    }
}
