using System.Net;
using System.Text;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Http;

/// <summary>contract.md sections 1 and 2: paths, headers and the envelope for what no handler sees.</summary>
public abstract class WireContractTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Theory]
    [InlineData("/spaces")]
    [InlineData("/spaces/")]
    [InlineData("/agents")]
    [InlineData("/agents/")]
    [InlineData("/organizations")]
    [InlineData("/organizations/")]
    public async Task Route_WithOrWithoutTrailingSlash_AnswersWithoutRedirect(string path)
    {
        var org = await NewOrgAsync();
        var response = await ClientFor(org, org.Viewer).GetAsync(Prefix + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_WithJsonContentTypeAndProductId_IsAccepted()
    {
        var org = await NewOrgAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/spaces/") { Content = new StringContent("", Encoding.UTF8, "application/json") };
        request.Headers.Add("Product-ID", "unpod.dev");
        request.Headers.Add("Product-Id", "unpod.dev");
        await ApiAssert.Ok(await ClientFor(org, org.Viewer).SendAsync(request), "Spaces fetched successfully");
    }

    [Fact]
    public async Task Response_EchoesClientRequestId()
    {
        var client = App.Client();
        client.DefaultRequestHeaders.Add("X-Request-Id", "abc-123");
        var response = await client.GetAsync("/healthz");
        Assert.Equal("abc-123", Assert.Single(response.Headers.GetValues("X-Request-Id")));
    }

    [Fact]
    public async Task Response_WithoutClientRequestId_GetsOne()
    {
        var response = await App.Client().GetAsync($"{Prefix}/spaces/");
        Assert.False(string.IsNullOrEmpty(Assert.Single(response.Headers.GetValues("X-Request-Id"))));
    }

    [Fact]
    public async Task UnknownRoute_Is404InEnvelope()
    {
        var org = await NewOrgAsync();
        await ApiAssert.Error(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/no-such-thing/"), HttpStatusCode.NotFound, "Not found.");
        await ApiAssert.Error(await App.Client().GetAsync("/nothing-here"), HttpStatusCode.NotFound, "Not found.");
    }

    [Fact]
    public async Task WrongMethod_Is405InEnvelope()
    {
        var org = await NewOrgAsync();
        var response = await ClientFor(org, org.Admin).PutAsync($"{Prefix}/spaces/", new StringContent("{}", Encoding.UTF8, "application/json"));
        await ApiAssert.Error(response, HttpStatusCode.MethodNotAllowed, "Method not allowed.");
    }

    [Theory]
    [InlineData("{\"name\": \"x\",")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    [InlineData("{\"name\": \"a\"} trailing")]
    public async Task Post_WithMalformedJson_Is400(string json)
    {
        var org = await NewOrgAsync();
        var response = await ClientFor(org, org.Admin).PostRaw($"{Prefix}/spaces/", json);
        await ApiAssert.Error(response, HttpStatusCode.BadRequest, "There is some Validation error");
    }

    [Theory]
    [InlineData("{\"name\": 5}", "name")]
    [InlineData("{\"name\": null}", "name")]
    [InlineData("{\"name\": \"ok\", \"privacy_type\": \"secret\"}", "privacy_type")]
    [InlineData("{\"name\": \"ok\", \"privacy_type\": 1}", "privacy_type")]
    [InlineData("{\"name\": \"ok\", \"members\": \"a@b.c\"}", "members")]
    [InlineData("{\"name\": {\"nested\": true}}", "name")]
    public async Task Post_WithWrongTypes_Is400NamingTheField(string json, string field)
    {
        var org = await NewOrgAsync();
        await ApiAssert.Invalid(await ClientFor(org, org.Admin).PostRaw($"{Prefix}/spaces/", json), field);
    }

    [Fact]
    public async Task Post_WithTwoMegabyteBody_Is413()
    {
        var org = await NewOrgAsync();
        var body = "{\"name\": \"" + new string('x', 2 * 1024 * 1024) + "\"}";
        var response = await ClientFor(org, org.Admin).PostRaw($"{Prefix}/spaces/", body);
        await ApiAssert.Error(response, HttpStatusCode.RequestEntityTooLarge, "Request body too large.");
    }

    [Fact]
    public async Task Post_WithTwoMegabyteChunkedBody_Is413()
    {
        var org = await NewOrgAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"name\": \"" + new string('x', 2 * 1024 * 1024) + "\"}");
        // The server answers 413 and closes while the client may still be sending the rest of the body;
        // the client then sees a broken pipe instead of the answer. Only a completed exchange counts.
        for (var tries = 1; ; tries++)
        {
            var content = new StreamContent(new MemoryStream(bytes));
            content.Headers.ContentType = new("application/json");
            var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/spaces/") { Content = content };
            request.Headers.TransferEncodingChunked = true;
            HttpResponseMessage response;
            try
            {
                response = await ClientFor(org, org.Admin).SendAsync(request);
            }
            catch (HttpRequestException) when (tries < 5)
            {
                continue;
            }
            await ApiAssert.Error(response, HttpStatusCode.RequestEntityTooLarge, "Request body too large.");
            return;
        }
    }

    [Fact]
    public async Task Post_WithTextContentType_IsA4xxInEnvelope()
    {
        var org = await NewOrgAsync();
        var response = await ClientFor(org, org.Admin).PostAsync($"{Prefix}/spaces/", new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "text/plain"));
        await ApiAssert.Error(response, HttpStatusCode.UnsupportedMediaType, "Unsupported media type. Send application/json.");
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("page=abc")]
    [InlineData("page_size=0")]
    [InlineData("page_size=501")]
    [InlineData("page_size=1e3")]
    [InlineData("page=99999999999")]
    public async Task List_WithInvalidPaging_Is400(string query)
    {
        var org = await NewOrgAsync();
        var response = await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/?{query}");
        await ApiAssert.Invalid(response, query.Split('=')[0]);
    }

    [Fact]
    public async Task List_PastTheLastPage_IsEmptyWithTrueCount()
    {
        var org = await NewOrgAsync();
        var body = await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/?page=2147483647&page_size=500"), "Spaces fetched successfully");
        Assert.Empty(body["data"]!.AsArray());
        Assert.Equal(0, body["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Health_LiveAndReady_Answer200()
    {
        var client = App.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }
}

public sealed class WireContractTestsOnSqlite(PodiumApp<Sqlite> app) : WireContractTests<Sqlite>(app);

public sealed class WireContractTestsOnPostgres(PodiumApp<Postgres> app) : WireContractTests<Postgres>(app);
