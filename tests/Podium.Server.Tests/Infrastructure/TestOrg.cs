using Microsoft.Extensions.DependencyInjection;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Application;
using Podium.Server.Features.ApiKeys;
using Podium.Server.Features.Members;
using Podium.Server.Features.Organizations;
using Podium.Server.Features.Users;

namespace Podium.Server.Tests.Infrastructure;

public sealed record TestUser(int Id, string Email, string Key);

/// <summary>An organization with one admin, one member and one viewer, each holding a key.</summary>
public sealed record TestOrg(int Id, string Handle, TestUser Admin, TestUser Member, TestUser Viewer)
{
    public static async Task<TestOrg> CreateAsync<TDb>(PodiumApp<TDb> app, string? handle = null) where TDb : TestDatabase, new()
    {
        handle ??= $"org-{Guid.NewGuid():N}"[..16];
        await using var scope = app.Scope(out var db);
        var now = DateTime.UtcNow;
        var operations = scope.ServiceProvider.GetRequiredService<OperationContext>();
        var org = Expect(await CreateOrganization.RunAsync(new CreateOrganizationRequest($"Org {handle}", handle), creatorUserId: null, operations, default));
        return new TestOrg(org.Id, org.DomainHandle,
            await AddUserAsync(db, org.Id, Role.Admin, now),
            await AddUserAsync(db, org.Id, Role.Member, now),
            await AddUserAsync(db, org.Id, Role.Viewer, now));
    }

    public HttpClient Client<TDb>(PodiumApp<TDb> app, TestUser user) where TDb : TestDatabase, new() =>
        app.Client(user.Key, Handle);

    /// <summary>A new user with a key, made a member of this org with the given role.</summary>
    public async Task<TestUser> AddUserAsync<TDb>(PodiumApp<TDb> app, Role role) where TDb : TestDatabase, new()
    {
        await using var scope = app.Scope(out var db);
        return await AddUserAsync(db, Id, role, DateTime.UtcNow);
    }

    public static async Task<TestUser> NewUserAsync(PodiumDb db, DateTime now)
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        var user = Expect(await CreateUser.RunAsync(db, new CreateUserRequest(email, "Test User"), now, default));
        var key = await CreateApiKey.IssueAsync(db, user.Id, new CreateApiKeyRequest("test"), now, default);
        return new TestUser(user.Id, email, key.Key);
    }

    private static async Task<TestUser> AddUserAsync(PodiumDb db, int orgId, Role role, DateTime now)
    {
        var user = await NewUserAsync(db, now);
        Expect(await AddMember.RunAsync(db, orgId, new AddMemberRequest(user.Email, role), now, default));
        return user;
    }

    private static T Expect<T>(Podium.Server.Features.Common.Outcome<T> outcome) =>
        outcome.Error is null ? outcome.Value! : throw new InvalidOperationException(outcome.Error.Message);
}
