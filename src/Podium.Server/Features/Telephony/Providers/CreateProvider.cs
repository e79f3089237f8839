namespace Podium.Server.Features.Telephony.Providers;

/// <summary>Stores a provider account for the organization; its secrets are encrypted and never shown again.</summary>
public static class CreateProvider
{
    public static async Task<Outcome<ProviderDto>> RunAsync(CreateProviderRequest request, ProviderServices services, CancellationToken ct)
    {
        var context = services.Context;
        if (context.Refusal(request) is { } invalid) return invalid;
        var kind = request.Kind!;
        var stored = request.Secrets;
        var accountSid = OptionalText.Of(request.AccountSid);
        var configuration = new ProviderConfiguration
        {
            OrganizationId = context.Tenant.OrganizationId,
            Name = request.Name?.Trim() ?? (accountSid is null ? kind.Name : $"{kind.Name} {accountSid}"),
            Provider = kind.Slug,
            AccountSid = accountSid,
            ProtectedSecrets = stored.Count == 0 ? null : services.Secrets.Protect(stored),
            SecretNames = string.Join(',', stored.Keys),
            BaseUrl = OptionalText.Of(request.BaseUrl),
            SipUrl = OptionalText.Of(request.SipUrl),
            MetaJson = ProviderDto.Meta(request.MetaJson),
            Active = request.Active ?? true,
            MaxConcurrentCalls = request.MaxConcurrentCalls is > 0 ? request.MaxConcurrentCalls : null,
            // Twilio queues calls beyond an account's one call per second (the default for every account); Podium paces to it unless told otherwise.
            CallsPerSecond = request.CallsPerSecond is { } cps ? (cps > 0 ? cps : null) : kind.Slug == "twilio" ? 1 : null,
            CreatedAt = context.Now,
            ModifiedAt = context.Now,
        };
        if (await ProviderRules.ConflictAsync(context.Db, configuration, ct) is { } conflict) return conflict;
        context.Db.ProviderConfigurations.Add(configuration);
        if (await context.SaveCreatedAsync("provider", () => configuration.Id, request, ProviderRules.Raced, ct) is { } raced) return raced;
        return ProviderDto.From(configuration, context.Tenant, 0, services.Address.BaseUrl);
    }
}
