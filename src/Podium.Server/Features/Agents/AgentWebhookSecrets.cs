using Podium.Server.Engine.Runtimes;

namespace Podium.Server.Features.Agents;

/// <summary>Per-agent webhook signing secrets: random, encrypted at rest with Data Protection, shown once.</summary>
public static class AgentWebhookSecrets
{
    /// <summary>Gives a webhook agent without a secret a new one, returning it in the clear for the one answer that shows it.</summary>
    public static string? EnsureFor(Agent agent, IDataProtectionProvider protection)
    {
        if (agent.Settings.Runtime != AgentRuntime.Webhook || agent.ProtectedWebhookSecret is not null)
            return null;
        var secret = SigningSecrets.New();
        agent.ProtectedWebhookSecret = protection.CreateProtector(AgentWebhookRuntime.SecretPurpose).Protect(secret);
        return secret;
    }

    /// <summary>A new secret for a webhook agent; the current one signs beside it for the grace period. Null for other agents.</summary>
    public static string? Rotate(Agent agent, IDataProtectionProvider protection, TimeSpan grace, DateTime now)
    {
        if (agent.Settings.Runtime != AgentRuntime.Webhook || agent.ProtectedWebhookSecret is null) return null;
        var secret = SigningSecrets.New();
        (agent.ProtectedPreviousWebhookSecret, agent.PreviousSecretExpiresAt) = grace > TimeSpan.Zero ? (agent.ProtectedWebhookSecret, now + grace) : ((string?)null, (DateTime?)null);
        agent.ProtectedWebhookSecret = protection.CreateProtector(AgentWebhookRuntime.SecretPurpose).Protect(secret);
        return secret;
    }
}
