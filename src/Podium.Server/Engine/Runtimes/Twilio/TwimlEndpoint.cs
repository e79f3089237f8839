using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Outbound;
using Podium.Server.Storage;
using Twilio.TwiML;
using Connect = Twilio.TwiML.Voice.Connect;
using ConversationRelay = Twilio.TwiML.Voice.ConversationRelay;
using MediaStream = Twilio.TwiML.Voice.Stream;

namespace Podium.Server.Engine.Runtimes.Twilio;

/// <summary>What Twilio's TwiML request is verified and answered with.</summary>
public sealed record TwimlServices(PodiumDb Db, ProviderSecrets Secrets, PublicAddress Address, TaskExecutor Executor);

/// <summary>
/// <c>POST telephony/twiml/twilio/{provider_config_id}/</c>: Twilio asks what to do with an answered call.
/// The request must carry the configuration's <c>X-Twilio-Signature</c>. A person gets the agent's bot
/// (<c>&lt;Connect&gt;&lt;Stream&gt;</c> or <c>&lt;Connect&gt;&lt;ConversationRelay&gt;</c>) with the task's ids, the
/// result callback and its token as parameters; an answering machine gets the voicemail message, if any,
/// and a hang-up; a task that no longer waits for this attempt (cancelled, finished) gets a hang-up.
/// </summary>
public static class TwimlEndpoint
{
    private const int MaxRequestBytes = 64 * 1024;

    /// <summary>Document fields handed to the bot as stream parameters: enough for a script, bounded for TwiML.</summary>
    private const int MaxVariables = 40;

    public static void MapTwiml(this IEndpointRouteBuilder app) =>
        app.MapPost($"{ServerSetup.ApiPrefix}{TwilioRuntime.TwimlPath}/{{providerConfigId:int}}", AnswerAsync).Describe("answerTwilioCall", "Twilio's request for an answered call's TwiML (signed with X-Twilio-Signature)")
            .AllowAnonymous().WithTags("Telephony")
            .Produces<string>(StatusCodes.Status200OK, "text/xml").Produces(StatusCodes.Status401Unauthorized);

    public static async Task<IResult> AnswerAsync(int providerConfigId, HttpRequest request, [AsParameters] TwimlServices services, CancellationToken ct)
    {
        var (db, secrets, address, executor) = services;
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxRequestBytes, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        var account = await ProviderAccount.FindAsync(db, secrets, providerConfigId, organizationId: null, "twilio", ct);
        // Twilio signs the URL it was given, which is Podium's public address.
        var url = $"{address.BaseUrl}{request.Path}{request.QueryString}";
        if (account is null || TwilioRuntime.VerifiedForm(account, new ProviderEventRequest(request.Headers, body, url)) is not { } form)
            return Results.Text("Invalid signature.", statusCode: StatusCodes.Status401Unauthorized);

        var taskId = request.Query["podium_task_id"].ToString();
        var attempt = int.TryParse(request.Query["podium_attempt"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var task = await db.Tasks.IgnoreQueryFilters()
            .Where(t => t.PublicId == taskId && t.OrganizationId == account.OrganizationId && t.Status == TaskStatus.InProgress && t.Attempt == attempt)
            .Select(t => new { t.PublicId, RunId = t.Run.PublicId, t.Run.Objective, t.Input, t.AgentId })
            .FirstOrDefaultAsync(ct);
        var response = new VoiceResponse();
        var answeredBy = form.GetValueOrDefault("AnsweredBy") ?? "";
        if (task is null) return Twiml(response.Hangup());
        var settings = await db.Agents.IgnoreQueryFilters().Where(a => a.Id == task.AgentId).Select(a => a.Settings).SingleAsync(ct);
        var call = settings.Call;
        if (answeredBy.StartsWith("machine_", StringComparison.Ordinal) || answeredBy == "fax")
        {
            if (call.VoicemailMessage is { } message && answeredBy != "fax") response.Say(message);
            return Twiml(response.Hangup());
        }

        var parameters = new List<(string, string)>
        {
            ("podium_callback_url", address.TaskResultUrl(task.PublicId)),
            ("podium_callback_token", executor.CallbackToken(task.PublicId, attempt)),
        };
        var input = JsonNode.Parse(task.Input) as JsonObject ?? [];
        foreach (var (name, value) in CallInput.Variables(input, task.PublicId, task.RunId, attempt, task.Objective).Take(MaxVariables))
            parameters.Add((name, ColumnText.Clip(value?.GetValue<string>(), 500) ?? ""));

        var connect = new Connect();
        if (call.RelayUrl is { } relay)
        {
            // The runtime's own voice settings win; the agent's voice profile fills what they leave out.
            var voice = await CallRoutes.VoiceAsync(db, account.OrganizationId, settings.VoiceProfileId, ct);
            var conversation = new ConversationRelay(url: relay, welcomeGreeting: call.WelcomeGreeting ?? voice?.Greeting, language: call.Language ?? voice?.Language,
                voice: call.Voice ?? voice?.TtsVoice, ttsProvider: call.Voice is null ? voice?.TtsProvider : null,
                transcriptionProvider: voice?.SttProvider, speechModel: voice?.SttModel);
            foreach (var (name, value) in parameters) conversation.Parameter(name: name, value: value);
            connect.Append(conversation);
        }
        else if (call.StreamUrl is { } stream)
        {
            var media = new MediaStream(url: stream, name: "podium");
            foreach (var (name, value) in parameters) media.Parameter(name: name, value: value);
            connect.Append(media);
        }
        else
        {
            return Twiml(response.Hangup());
        }
        return Twiml(response.Append(connect));
    }

    private static IResult Twiml(VoiceResponse response) => Results.Content(response.ToString(), "text/xml; charset=utf-8");
}
