using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Podium.Server.Engine.Runtimes.Providers;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Security;

namespace Podium.Server.Engine.Runtimes.Twilio;

/// <summary>
/// Calls through the organization's Twilio account with Twilio's own library: the Calls API places the
/// call; when it is answered Twilio fetches TwiML from Podium (<see cref="TwimlEndpoint"/>), which connects
/// the integrator's bot (a media stream or ConversationRelay) and hands it the task, the attempt and the
/// result callback with its token. Twilio's status callbacks, signed with the auth token, tell the line's
/// end (<c>AnsweredBy</c> decides voicemail); the bot posts the conversation, and the two are merged.
/// </summary>
public sealed class TwilioRuntime(ProviderServices services, TwilioClients clients) : ProviderRuntime(services)
{
    public const string TwimlPath = "/telephony/twiml/twilio";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public override AgentRuntime Kind => AgentRuntime.Twilio;
    public override string ProviderName => "Twilio";
    public override IReadOnlyList<string> RequiredSecrets { get; } = ["auth_token"];

    protected override async Task<AgentResult> PlaceAsync(ProviderAccount account, AgentCall attempt, CancellationToken ct)
    {
        if (attempt.CallerNumber is not { } from)
            return AgentResult.Failure("The agent has no number to call from: connect it to a bridge with a Twilio number, or set runtime.from_number.") with { Final = true };
        var settings = attempt.Settings.Call;
        // Through the organization's own carrier, Twilio dials a SIP address at the trunk with its credentials.
        var to = attempt.Trunk is { } trunk ? SipAddress.Dial(attempt.ToNumber!, trunk.Host, trunk.Port, trunk.Transport) : attempt.ToNumber;
        var options = new CreateCallOptions(new global::Twilio.Types.PhoneNumber(to), new global::Twilio.Types.PhoneNumber(from))
        {
            SipAuthUsername = attempt.Trunk?.Username,
            SipAuthPassword = attempt.Trunk?.Password,
            Url = new Uri(AnswerUrl(account, attempt)),
            StatusCallback = new Uri(WithTask(Services.EventsUrl(account), attempt)),
            StatusCallbackMethod = global::Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = ["initiated", "ringing", "answered", "completed"],
            Timeout = settings.RingSeconds,
            TimeLimit = settings.MaxCallSeconds,
            MachineDetection = settings.MachineDetection,
            Record = settings.Record ? true : null,
        };
        try
        {
            // The library takes no cancellation token; its HTTP client times out on its own.
            var call = await CallResource.CreateAsync(options, clients.For(account, RequestTimeout)).WaitAsync(ct);
            return call.Sid is { Length: > 0 } sid ? Placed(sid, attempt) : Unknown("its answer has no call sid");
        }
        catch (ApiException e) when (e.Status is 429 or >= 500)
        {
            return AgentResult.Defer(DefaultDeferral, $"Twilio answered HTTP {e.Status} (code {e.Code}) to the call request; no call was placed.");
        }
        catch (ApiException e)
        {
            var why = TwilioOutcomes.InvalidNumber(e.Code) ? "the number cannot be called (invalid_number)" : "refused the call";
            return AgentResult.Failure($"Twilio {why} (HTTP {e.Status}, code {e.Code}): {ColumnText.Clip(e.Message, 300)}") with { Final = true };
        }
        catch (ApiConnectionException e) when (e.InnerException is HttpRequestException inner)
        {
            // The base runtime tells a connection that was never made (safe to place later) from one that may have carried the request.
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
        catch (ApiConnectionException e) when (e.InnerException is OperationCanceledException)
        {
            return Unknown($"it did not answer within {(int)RequestTimeout.TotalSeconds} s");
        }
    }

    /// <summary>Hangs the call up (<c>Status=completed</c> ends it whether it rings or talks); Twilio's status callback then ends the attempt.</summary>
    protected override async Task<string?> EndCallAsync(ProviderAccount account, string providerCallId, CancellationToken ct)
    {
        try
        {
            await CallResource.UpdateAsync(new UpdateCallOptions(providerCallId) { Status = CallResource.UpdateStatusEnum.Completed }, clients.For(account, RequestTimeout)).WaitAsync(ct);
            return null;
        }
        catch (ApiException e)
        {
            return $"Twilio refused the hang-up (HTTP {e.Status}, code {e.Code})";
        }
        catch (ApiConnectionException e)
        {
            return $"Twilio could not be asked ({ColumnText.Clip(e.Message, 200)})";
        }
    }

    public override async Task<CallReport?> FetchAsync(ProviderAccount account, string providerCallId, CancellationToken ct)
    {
        try
        {
            var call = await CallResource.FetchAsync(providerCallId, client: clients.For(account, RequestTimeout)).WaitAsync(ct);
            var status = call.Status?.ToString();
            if (!TwilioOutcomes.Terminal(status)) return new CallReport(providerCallId, CallProgress.Live) { ProviderStatus = status };
            var seconds = int.TryParse(call.Duration, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
            var price = decimal.TryParse(call.Price, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) ? Math.Abs(p) : 0;
            return Report(providerCallId, status, call.AnsweredBy, sipCode: null, seconds, call.StartTime?.ToUniversalTime(), call.EndTime?.ToUniversalTime(), recordingUrl: null) with { Cost = price };
        }
        catch (Exception e) when (e is ApiException or ApiConnectionException or TimeoutException)
        {
            return null;
        }
    }

    /// <summary>A status callback: form-encoded, signed with <c>X-Twilio-Signature</c> (checked with the library's <see cref="RequestValidator"/>).</summary>
    public override ValueTask<ProviderEvent?> ReadEventAsync(ProviderAccount account, ProviderEventRequest request) => ValueTask.FromResult(Read(account, request));

    private ProviderEvent? Read(ProviderAccount account, ProviderEventRequest request)
    {
        if (VerifiedForm(account, request) is not { } form || !form.TryGetValue("CallSid", out var sid) || sid.Length == 0) return null;
        var status = form.GetValueOrDefault("CallStatus");
        var verified = new ProviderEvent(sid, null).WithKeyFrom(TaskOf(request.Url));
        if (!TwilioOutcomes.Terminal(status)) return verified;
        var seconds = int.TryParse(form.GetValueOrDefault("CallDuration"), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 0;
        var ended = DateTimeOffset.TryParse(form.GetValueOrDefault("Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime
            : Services.Clock.GetUtcNow().UtcDateTime;
        return verified with
        {
            Report = Report(sid, status, form.GetValueOrDefault("AnsweredBy"), form.GetValueOrDefault("SipResponseCode"), seconds,
                seconds > 0 ? ended.AddSeconds(-seconds) : null, ended, form.GetValueOrDefault("RecordingUrl")),
        };
    }

    /// <summary>The form's fields when the request carries the account's signature over its URL and fields; else null.</summary>
    public static Dictionary<string, string>? VerifiedForm(ProviderAccount account, ProviderEventRequest request)
    {
        var token = account.Secret("auth_token");
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        if (token is null || signature.Length == 0) return null;
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(request.Body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        return new RequestValidator(token).Validate(request.Url, form, signature) ? form : null;
    }

    /// <summary>Where Twilio fetches the answered call's instructions: the integrator's own TwiML, or Podium's.</summary>
    private string AnswerUrl(ProviderAccount account, AgentCall attempt)
    {
        if (attempt.Settings.Call.TwimlUrl is not { } own)
            return WithTask($"{Services.Address.BaseUrl}{ServerSetup.ApiPrefix}{TwimlPath}/{account.Id}/", attempt);
        // The integrator's TwiML gets what Podium's would hand the bot.
        return QueryHelpers.AddQueryString(WithTask(own, attempt), new Dictionary<string, string?>
        {
            ["podium_run_id"] = attempt.RunId,
            ["podium_callback_url"] = Services.Address.TaskResultUrl(attempt.TaskId),
            ["podium_callback_token"] = attempt.CallbackToken,
        });
    }

    private static string WithTask(string url, AgentCall attempt) => QueryHelpers.AddQueryString(url, new Dictionary<string, string?>
    {
        ["podium_task_id"] = attempt.TaskId,
        ["podium_attempt"] = attempt.Attempt.ToString(CultureInfo.InvariantCulture),
    });

    /// <summary>The task and attempt Podium put in the callback's query string, as <c>task-attempt</c>.</summary>
    private static string? TaskOf(string url)
    {
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        return query.TryGetValue("podium_task_id", out var task) && query.TryGetValue("podium_attempt", out var attempt) ? $"{task}-{attempt}" : null;
    }

    private static CallReport Report(string sid, string? status, string? answeredBy, string? sipCode, int seconds, DateTime? started, DateTime? ended, string? recordingUrl)
    {
        var (outcome, kind) = TwilioOutcomes.Map(status, answeredBy, sipCode);
        return new CallReport(sid, CallProgress.Reported)
        {
            Outcome = outcome,
            FailureKind = kind,
            RawEndReason = string.Join('/', new[] { status, answeredBy, sipCode is null ? null : $"sip {sipCode}" }.OfType<string>()),
            ProviderStatus = status,
            StartedAt = started,
            EndedAt = ended,
            DurationSeconds = seconds,
            RecordingUrl = recordingUrl,
        };
    }
}
