using System.Net;
using System.Text;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Auth;

/// <summary>The endpoints this server has so far, as (method, path under the API prefix).</summary>
public static class EndpointTable
{
    public static TheoryData<string, string> All => new()
    {
        { "GET", "organizations/" },
        { "POST", "organizations/" },
        { "PATCH", "organizations/{org}/" },
        { "GET", "organizations/{org}/members/" },
        { "POST", "organizations/{org}/members/" },
        { "PATCH", "organizations/{org}/members/1/" },
        { "DELETE", "organizations/{org}/members/1/" },
        { "GET", "organizations/{org}/invitations/" },
        { "DELETE", "organizations/{org}/invitations/1/" },
        { "POST", "organizations/{org}/leave/" },
        { "GET", "invitations/" },
        { "POST", "invitations/1/accept/" },
        { "POST", "invitations/1/decline/" },
        { "GET", "spaces/" },
        { "POST", "spaces/" },
        { "GET", "spaces/ANYTOKEN/" },
        { "PATCH", "spaces/ANYTOKEN/" },
        { "DELETE", "spaces/ANYTOKEN/" },
        { "GET", "agents/" },
        { "POST", "agents/" },
        { "GET", "agents/any-agent/" },
        { "PATCH", "agents/any-agent/" },
        { "DELETE", "agents/any-agent/" },
        { "POST", "agents/any-agent/rotate-secret/" },
        { "GET", "api-keys/" },
        { "POST", "api-keys/" },
        { "DELETE", "api-keys/1/" },
        { "GET", "spaces/ANYTOKEN/documents/" },
        { "POST", "spaces/ANYTOKEN/documents/" },
        { "GET", "spaces/ANYTOKEN/documents/doc-1/" },
        { "DELETE", "spaces/ANYTOKEN/documents/doc-1/" },
        { "GET", "telephony/providers/" },
        { "GET", "telephony/providers-configurations/" },
        { "POST", "telephony/providers-configurations/" },
        { "GET", "telephony/providers-configurations/1/" },
        { "PATCH", "telephony/providers-configurations/1/" },
        { "DELETE", "telephony/providers-configurations/1/" },
        { "GET", "telephony/numbers/" },
        { "POST", "telephony/numbers/" },
        { "DELETE", "telephony/numbers/1/" },
        { "GET", "telephony/bridges/" },
        { "POST", "telephony/bridges/" },
        { "GET", "telephony/bridges/any/" },
        { "PATCH", "telephony/bridges/any/" },
        { "DELETE", "telephony/bridges/any/" },
        { "POST", "telephony/bridges/any/connect-provider/" },
        { "POST", "telephony/bridges/any/disconnect-provider/" },
        { "POST", "telephony/numbers/attach/" },
        { "POST", "telephony/numbers/detach/" },
        { "GET", "telephony/overview/" },
        { "GET", "telephony/trunks/" },
        { "POST", "telephony/trunks/" },
        { "GET", "telephony/trunks/1/" },
        { "PATCH", "telephony/trunks/1/" },
        { "DELETE", "telephony/trunks/1/" },
        { "POST", "telephony/trunks/1/attach-numbers/" },
        { "POST", "telephony/trunks/1/detach-numbers/" },
        { "GET", "voice-profiles/" },
        { "POST", "voice-profiles/" },
        { "GET", "voice-profiles/VPany/" },
        { "PATCH", "voice-profiles/VPany/" },
        { "DELETE", "voice-profiles/VPany/" },
        { "GET", "speech/v1/calls/" },
        { "POST", "speech/v1/calls/" },
        { "GET", "speech/v1/calls/Tany/" },
        { "POST", "speech/v1/calls/Tany/hangup/" },
        { "GET", "call-logs/" },
        { "GET", "organisation/billing/" },
        { "GET", "organisation/analytics/" },
        { "GET", "audit-log/" },
        { "GET", "webhooks/" },
        { "POST", "webhooks/" },
        { "GET", "webhooks/1/" },
        { "PATCH", "webhooks/1/" },
        { "DELETE", "webhooks/1/" },
        { "GET", "webhooks/1/deliveries/" },
        { "POST", "webhooks/1/deliveries/1/redeliver/" },
        { "POST", "webhooks/1/test/" },
        { "POST", "webhooks/1/rotate-secret/" },
    };

    public static TheoryData<string, string> OrgWrites => new()
    {
        { "PATCH", "organizations/{org}/" },
        { "POST", "organizations/{org}/members/" },
        { "GET", "organizations/{org}/invitations/" },
        { "DELETE", "organizations/{org}/invitations/1/" },
        { "PATCH", "organizations/{org}/members/1/" },
        { "DELETE", "organizations/{org}/members/1/" },
        { "POST", "spaces/" },
        { "PATCH", "spaces/ANYTOKEN/" },
        { "DELETE", "spaces/ANYTOKEN/" },
        { "POST", "agents/" },
        { "PATCH", "agents/any-agent/" },
        { "DELETE", "agents/any-agent/" },
        { "POST", "agents/any-agent/rotate-secret/" },
        { "POST", "telephony/providers-configurations/" },
        { "PATCH", "telephony/providers-configurations/1/" },
        { "DELETE", "telephony/providers-configurations/1/" },
        { "POST", "telephony/numbers/" },
        { "DELETE", "telephony/numbers/1/" },
        { "POST", "telephony/bridges/" },
        { "PATCH", "telephony/bridges/any/" },
        { "DELETE", "telephony/bridges/any/" },
        { "POST", "telephony/bridges/any/connect-provider/" },
        { "POST", "telephony/bridges/any/disconnect-provider/" },
        { "POST", "telephony/numbers/attach/" },
        { "POST", "telephony/numbers/detach/" },
        { "POST", "telephony/trunks/" },
        { "PATCH", "telephony/trunks/1/" },
        { "DELETE", "telephony/trunks/1/" },
        { "POST", "telephony/trunks/1/attach-numbers/" },
        { "POST", "telephony/trunks/1/detach-numbers/" },
        { "POST", "voice-profiles/" },
        { "PATCH", "voice-profiles/VPany/" },
        { "DELETE", "voice-profiles/VPany/" },
        { "POST", "speech/v1/calls/" },
        { "POST", "speech/v1/calls/Tany/hangup/" },
        { "POST", "webhooks/" },
        { "PATCH", "webhooks/1/" },
        { "DELETE", "webhooks/1/" },
        { "POST", "webhooks/1/test/" },
        { "POST", "webhooks/1/rotate-secret/" },
    };
}

/// <summary>Every endpoint of this server refuses a missing or bad key, and a viewer's writes.</summary>
public abstract class EveryEndpointTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static HttpRequestMessage Request(string method, string path, string org) =>
        new(new HttpMethod(method), $"{Prefix}/{path.Replace("{org}", org, StringComparison.Ordinal)}")
        {
            Content = method is "GET" or "DELETE" ? null : new StringContent("{\"name\": \"x\", \"role\": \"admin\", \"email\": \"x@y.test\"}", Encoding.UTF8, "application/json"),
        };

    [Theory]
    [MemberData(nameof(EndpointTable.All), MemberType = typeof(EndpointTable))]
    public async Task Endpoint_WithoutKey_Is401(string method, string path)
    {
        var response = await App.Client(orgHandle: "demo").SendAsync(Request(method, path, "demo"));
        await ApiAssert.Error(response, HttpStatusCode.Unauthorized, "Authentication credentials were not provided.");
    }

    [Theory]
    [MemberData(nameof(EndpointTable.All), MemberType = typeof(EndpointTable))]
    public async Task Endpoint_WithBadKey_Is401(string method, string path)
    {
        var response = await App.Client("pdm_not-a-real-key", "demo").SendAsync(Request(method, path, "demo"));
        await ApiAssert.Error(response, HttpStatusCode.Unauthorized, "Invalid token.");
    }

    [Theory]
    [MemberData(nameof(EndpointTable.OrgWrites), MemberType = typeof(EndpointTable))]
    public async Task OrgWrite_AsViewer_Is403(string method, string path)
    {
        var org = await NewOrgAsync();
        var response = await ClientFor(org, org.Viewer).SendAsync(Request(method, path, org.Handle));
        await ApiAssert.Error(response, HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
    }

    [Theory]
    [MemberData(nameof(EndpointTable.OrgWrites), MemberType = typeof(EndpointTable))]
    public async Task OrgWrite_InAnotherOrg_Is404(string method, string path)
    {
        var mine = await NewOrgAsync();
        var theirs = await NewOrgAsync();
        var response = await App.Client(mine.Admin.Key, theirs.Handle).SendAsync(Request(method, path, theirs.Handle));
        await ApiAssert.Error(response, HttpStatusCode.NotFound, "Organization not found");
    }
}

public sealed class EveryEndpointTestsOnSqlite(PodiumApp<Sqlite> app) : EveryEndpointTests<Sqlite>(app);

public sealed class EveryEndpointTestsOnPostgres(PodiumApp<Postgres> app) : EveryEndpointTests<Postgres>(app);
