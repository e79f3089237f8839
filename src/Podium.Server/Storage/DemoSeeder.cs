using Podium.Server.Features.Agents;
using Podium.Server.Features.ApiKeys;
using Podium.Server.Features.Organizations;
using Podium.Server.Features.Spaces;

namespace Podium.Server.Storage;

/// <summary>What the first start prints: the only time the demo key is shown.</summary>
public sealed record DemoCredentials(string OrgHandle, string SpaceToken, string AgentHandle, string Key);

/// <summary>
/// On an empty database, makes a demo organization with a space, a published simulated agent
/// and an admin key, so a new user can call the API straight away.
/// </summary>
public static class DemoSeeder
{
    public const string OrgHandle = "demo";
    public const string AgentHandle = "demo-agent";

    /// <param name="scope">A service scope of its own: the seed acts in it as the demo organization's admin.</param>
    public static async Task<DemoCredentials> SeedAsync(IServiceProvider scope, CancellationToken ct)
    {
        var db = scope.GetRequiredService<PodiumDb>();
        var protection = scope.GetRequiredService<IDataProtectionProvider>();
        var now = scope.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var user = Expect(await Features.Users.CreateUser.RunAsync(db, new("admin@demo.podium.local", "Demo Admin"), now, ct));
        var operations = scope.GetRequiredService<OperationContext>();
        var org = Expect(await CreateOrganization.RunAsync(
            new CreateOrganizationRequest("Demo Organization", OrgHandle, "demo.podium.local"), user.Id, operations, ct));
        db.TenantId = org.Id;
        var (agent, _) = Expect(await CreateAgent.SaveAsync(db, protection, org.Id, new CreateAgentRequest(
            "Demo Caller", AgentHandle, AgentType.Voice, AgentState.Published,
            Purpose: "Call contacts and qualify them as leads",
            Runtime: new AgentRuntimeRequest(AgentRuntime.Simulated)), now, ct));
        scope.GetRequiredService<Tenant>().Resolve(user.Id, org, Role.Admin);
        var space = Expect(await CreateSpace.RunAsync(new CreateSpaceRequest(
            "Demo Outreach", "Contacts for the demo agent to call", SpaceType: "contact", ContentType: "contact",
            AgentHandle: agent.Handle), operations, ct));
        var key = await CreateApiKey.IssueAsync(db, user.Id, new CreateApiKeyRequest("demo"), now, ct);
        return new DemoCredentials(org.DomainHandle, space.Token, agent.Handle, key.Key);
    }

    private static T Expect<T>(Features.Common.Outcome<T> outcome) =>
        outcome.Error is null ? outcome.Value! : throw new InvalidOperationException($"Demo data could not be created: {outcome.Error.Message}");

    public static string Banner(DemoCredentials demo, string baseUrl) => $"""

        Podium is ready with demo data. This API key is shown once; keep it:

            {demo.Key}

        Try it:

            curl -H "Authorization: Token {demo.Key}" -H "Org-Handle: {demo.OrgHandle}" {baseUrl}/api/v2/platform/spaces/

        Demo space token: {demo.SpaceToken}   demo agent: {demo.AgentHandle}

        Or open the web console, {baseUrl}/console, and sign in with the key.

        """;
}
