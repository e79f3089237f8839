using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Podium.Data.Entities;
using Podium.Server.Engine.Runtimes;

namespace Podium.Server.Features.Agents;

/// <summary>Per-agent webhook signing secrets: random, encrypted at rest with Data Protection, shown once.</summary>
public static class WebhookSecrets
{
    /// <summary>Gives a webhook agent without a secret a new one, returning it in the clear for the one answer that shows it.</summary>
    public static string? EnsureFor(Agent agent, IDataProtectionProvider protection)
    {
        if (agent.Settings.Runtime != AgentRuntime.Webhook || agent.ProtectedWebhookSecret is not null)
            return null;
        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        agent.ProtectedWebhookSecret = protection.CreateProtector(WebhookRuntime.SecretPurpose).Protect(secret);
        return secret;
    }
}
