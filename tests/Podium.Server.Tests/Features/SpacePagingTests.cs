using Microsoft.EntityFrameworkCore;
using Podium.Data.Entities;
using Podium.Server.Features.Common;
using Podium.Server.Tests.Infrastructure;

namespace Podium.Server.Tests.Features;

/// <summary>Three organizations, 2,500 spaces: each caller pages through exactly what it may see.</summary>
public abstract class SpacePagingTests<TDb>(PodiumApp<TDb> app) : ApiTests<TDb>(app) where TDb : TestDatabase, new()
{
    private static readonly int[] SpacesPerOrg = [1200, 800, 500];

    [Fact]
    public async Task ListSpaces_AcrossThreeOrgsAnd2500Spaces_PagesAreDisjointCompleteAndCounted()
    {
        var orgs = new List<TestOrg>();
        for (var i = 0; i < SpacesPerOrg.Length; i++)
        {
            var org = await NewOrgAsync();
            orgs.Add(org);
            await SeedSpacesAsync(org, SpacesPerOrg[i], privateEvery: 6, deletedEvery: 25);
        }

        var first = orgs[0];
        foreach (var user in new[] { first.Admin, first.Viewer })
        {
            var expected = await VisibleTokensAsync(first, isAdmin: user == first.Admin);
            var seen = new List<string>();
            for (var page = 1; ; page++)
            {
                var body = await ApiAssert.Ok(await ClientFor(first, user).GetAsync($"{Prefix}/spaces/?page={page}&page_size=97"), "Spaces fetched successfully");
                Assert.Equal(expected.Count, body["count"]!.GetValue<int>());
                var tokens = body["data"]!.AsArray().Select(s => s!["token"]!.GetValue<string>()).ToList();
                Assert.All(body["data"]!.AsArray(), s => Assert.Equal(first.Handle, s!["organization"]!["domain_handle"]!.GetValue<string>()));
                if (tokens.Count == 0) break;
                seen.AddRange(tokens);
            }
            Assert.Equal(seen.Count, seen.Distinct().Count());
            Assert.Equal(expected.Order(), seen.Order());
        }
    }

    [Fact]
    public async Task ListSpaces_WithoutPaging_ReturnsAtMost1000WithTrueCount()
    {
        var org = await NewOrgAsync();
        await SeedSpacesAsync(org, 1100, privateEvery: 0, deletedEvery: 0);
        var body = await ApiAssert.Ok(await ClientFor(org, org.Viewer).GetAsync($"{Prefix}/spaces/"), "Spaces fetched successfully");
        Assert.Equal(1100, body["count"]!.GetValue<int>());
        Assert.Equal(1000, body["data"]!.AsArray().Count);
    }

    private async Task SeedSpacesAsync(TestOrg org, int count, int privateEvery, int deletedEvery)
    {
        await using var scope = App.Scope(out var db, org.Id);
        var now = DateTime.UtcNow;
        db.Spaces.AddRange(Enumerable.Range(0, count).Select(i => new Space
        {
            OrganizationId = org.Id,
            Name = $"Space {i}",
            Slug = Identifiers.Slug($"Space {i}"),
            Token = Identifiers.SpaceToken(),
            PrivacyType = privateEvery > 0 && i % privateEvery == 0 ? PrivacyType.Private : PrivacyType.Shared,
            DeletedAt = deletedEvery > 0 && i % deletedEvery == 1 ? now : null,
            CreatedAt = now,
            ModifiedAt = now,
        }));
        await db.SaveChangesAsync();
    }

    private async Task<List<string>> VisibleTokensAsync(TestOrg org, bool isAdmin)
    {
        await using var scope = App.Scope(out var db, org.Id);
        return await db.Spaces.Where(s => isAdmin || s.PrivacyType == PrivacyType.Shared).Select(s => s.Token).ToListAsync();
    }
}

public sealed class SpacePagingTestsOnSqlite(PodiumApp<Sqlite> app) : SpacePagingTests<Sqlite>(app);

public sealed class SpacePagingTestsOnPostgres(PodiumApp<Postgres> app) : SpacePagingTests<Postgres>(app);
