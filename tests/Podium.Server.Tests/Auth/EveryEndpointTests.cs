using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Podium.Data.Entities;
using Podium.Server.Auth;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Auth;

/// <summary>
/// Every endpoint the server maps, read from its endpoint data source (so a new endpoint is covered the day it
/// is added): it refuses a missing or bad key, a role below the one it declares, and a caller of another
/// organization, who learns nothing (404).
/// </summary>
public abstract partial class EveryEndpointTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private sealed record Endpoint(string Method, string Route, Role? Least, OrganizationScope? Scope);

    /// <summary>The API's endpoints, except the provider and agent callbacks (signed by their callers, not by keys).</summary>
    private List<Endpoint> Endpoints()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => new Endpoint(
                method, e.RoutePattern.RawText!, e.Metadata.GetMetadata<MinimumRole>()?.Role, e.Metadata.GetMetadata<OrganizationScope>())))
            .ToList();
        Assert.True(endpoints.Count > 80, $"only {endpoints.Count} endpoints found");
        return endpoints;
    }

    /// <summary>The route with a value for each parameter: the organization's own space and agent, numbers elsewhere.</summary>
    private static string PathOf(Endpoint endpoint, string org, string space, string agent) =>
        RouteParameter().Replace(endpoint.Route, m => m.Groups["name"].Value switch
        {
            "orgHandle" => org,
            "spaceToken" => space,
            "agentHandle" => agent,
            "action" => "cancel",
            _ when m.Groups["constraint"].Value is ":int" or ":long" => "1",
            _ => "any",
        }).TrimEnd('/') + "/";

    private static HttpRequestMessage Request(Endpoint endpoint, string path) =>
        new(new HttpMethod(endpoint.Method), path)
        {
            Content = endpoint.Method is "GET" or "DELETE" ? null : new StringContent("{\"name\": \"x\", \"role\": \"admin\", \"email\": \"x@y.test\"}", Encoding.UTF8, "application/json"),
        };

    /// <summary>A space and an agent of the organization, so resource routes reach their role and tenancy checks.</summary>
    private async Task<(string Space, string Agent)> ResourcesOfAsync(TestOrg org)
    {
        var admin = ClientFor(org, org.Admin);
        var space = JsonNode.Parse(await (await admin.PostJson($"{Prefix}/spaces/", new { name = "Every endpoint", content_type = "contact" })).Content.ReadAsStringAsync())!;
        var agent = JsonNode.Parse(await (await admin.PostJson($"{Prefix}/agents/", new { name = "Every endpoint", state = "published" })).Content.ReadAsStringAsync())!;
        return (space["data"]!["token"]!.GetValue<string>(), agent["data"]!["handle"]!.GetValue<string>());
    }

    /// <summary>Sends one request per endpoint and lists those not answered <paramref name="status"/> with <paramref name="message"/>.</summary>
    private static async Task ExpectAsync(IEnumerable<(Endpoint Endpoint, HttpClient Client, string Path)> requests, HttpStatusCode status, Func<Endpoint, string> message)
    {
        var wrong = new List<string>();
        var count = 0;
        foreach (var (endpoint, client, path) in requests)
        {
            count++;
            var response = await client.SendAsync(Request(endpoint, path));
            var body = await response.Content.ReadAsStringAsync();
            var said = response.StatusCode == status ? JsonNode.Parse(body)?["message"]?.GetValue<string>() : null;
            if (said != message(endpoint)) wrong.Add($"{endpoint.Method} {endpoint.Route}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 160)]}");
        }
        Assert.True(count > 0, "no endpoint was asked");
        Assert.True(wrong.Count == 0, $"expected {(int)status}:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public async Task EveryEndpoint_WithoutKey_Is401() =>
        await ExpectAsync(Endpoints().Select(e => (e, App.Client(orgHandle: "demo"), $"{PathOf(e, "demo", "ANYTOKEN", "any-agent")}")),
            HttpStatusCode.Unauthorized, _ => "Authentication credentials were not provided.");

    [Fact]
    public async Task EveryEndpoint_WithBadKey_Is401() =>
        await ExpectAsync(Endpoints().Select(e => (e, App.Client("pdm_not-a-real-key", "demo"), PathOf(e, "demo", "ANYTOKEN", "any-agent"))),
            HttpStatusCode.Unauthorized, _ => "Invalid token.");

    [Fact]
    public async Task EveryEndpoint_AboveTheViewersRole_RefusesAViewer()
    {
        var org = await NewOrgAsync();
        var (space, agent) = await ResourcesOfAsync(org);
        var viewer = ClientFor(org, org.Viewer);
        await ExpectAsync(Endpoints().Where(e => e.Least > Role.Viewer).Select(e => (e, viewer, PathOf(e, org.Handle, space, agent))),
            HttpStatusCode.Forbidden, _ => "You do not have permission to perform this action.");
    }

    [Fact]
    public async Task EveryOrganizationEndpoint_IsUnknownToAnotherOrganization()
    {
        var theirs = await NewOrgAsync();
        var (space, agent) = await ResourcesOfAsync(theirs);
        var mine = await NewOrgAsync();
        var outsider = App.Client(mine.Admin.Key, theirs.Handle);
        await ExpectAsync(Endpoints().Where(e => e.Scope is not null).Select(e => (e, outsider, PathOf(e, theirs.Handle, space, agent))),
            HttpStatusCode.NotFound, e => e.Scope!.OrgHandleRequired ? "Organization not found" : e.Route.Contains("{spaceToken}", StringComparison.Ordinal) ? "Space not found" : "Agent not found");
    }

    [GeneratedRegex(@"\{(?<name>[^}:]+)(?<constraint>:[^}]+)?\}")]
    private static partial Regex RouteParameter();
}

public sealed class EveryEndpointTestsOnSqlite(PodiumApp<Sqlite> app) : EveryEndpointTests<Sqlite>(app);

public sealed class EveryEndpointTestsOnPostgres(PodiumApp<Postgres> app) : EveryEndpointTests<Postgres>(app);
