using Podium.Server.Outbound;
using Podium.Server.Storage;

namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>What a provider's event is verified and applied with.</summary>
public sealed record ProviderEventServices(PodiumDb Db, ProviderSecrets Secrets, IEnumerable<IAgentRuntime> Runtimes, ProviderCalls Calls, PublicAddress Address);

/// <summary>
/// <c>POST telephony/events/{provider}/{provider_config_id}/</c>: where a provider reports the calls it
/// placed for Podium. Public, and trusted only once the provider's signature over the raw body holds with
/// that configuration's secret; an unknown configuration and a bad signature get the same 401, so the
/// endpoint says nothing about which configurations exist.
/// </summary>
public static class ProviderEventEndpoint
{
    /// <summary>End-of-call reports carry the whole conversation; a megabyte is far past any real one.</summary>
    public const int MaxEventBytes = 1024 * 1024;

    private static readonly ApiError Unverified = new(StatusCodes.Status401Unauthorized, "Invalid signature.");

    public static void MapProviderEvents(this IEndpointRouteBuilder app) =>
        app.MapPost($"{ServerSetup.ApiPrefix}/telephony/events/{{provider}}/{{providerConfigId:int}}", Receive).Describe("receiveProviderEvent", "Receive a provider's call event")
            .AllowAnonymous().WithTags("Telephony");

    public static async Task<Results<ApiResponse<object>, ApiError>> Receive(
        string provider, int providerConfigId, HttpRequest request, [AsParameters] ProviderEventServices services, CancellationToken ct)
    {
        var (db, secrets, runtimes, calls, address) = services;
        var runtime = runtimes.OfType<ProviderRuntime>().FirstOrDefault(r => r.Provider == provider);
        if (runtime is null) return Api.NotFound("Not found.");
        var body = await BoundedBody.ReadAsync(request.Body, request.ContentLength, MaxEventBytes, ct);
        if (body is null) return new ApiError(StatusCodes.Status413PayloadTooLarge, "Request body too large.");
        var account = await ProviderAccount.FindAsync(db, secrets, providerConfigId, organizationId: null, provider, ct);
        // The URL the provider was given (Twilio signs it): Podium's public address, whatever proxy is in between.
        var url = $"{address.BaseUrl}{request.Path}{request.QueryString}";
        if (account is null || await runtime.ReadEventAsync(account, new ProviderEventRequest(request.Headers, body, url)) is not { } verified)
            return Unverified;
        var applied = await calls.ApplyAsync(runtime, account, verified, ct);
        return Api.Ok<object>("Event received.", new { call_id = verified.ProviderCallId, applied });
    }
}
