using System.Text.Json.Nodes;
using Podium.Client;
using Podium.Server.Tests.Infrastructure;
using Role = Podium.Client.Role;

namespace Podium.Server.Tests.Client;

/// <summary>
/// The client against the real server (real HTTP, real database), area by area: organizations, members
/// and keys; spaces; agents, task creation, runs and their control; collections. Telephony, reports,
/// webhooks and the audit log are in <see cref="ClientOperationsTests{TDb}"/>.
/// </summary>
public abstract class ClientApiTests<TDb>(EngineApp<TDb> app) : ClientTests<TDb>(app) where TDb : TestDatabase, new()
{
    [Fact]
    public async Task Organizations_Members_AndKeys()
    {
        var org = await NewOrgAsync();
        using var admin = ClientFor(org, org.Admin);

        var mine = await admin.Organizations.ListAllAsync().ToListAsync();
        Assert.Equal(Role.Admin, Assert.Single(mine, o => o.DomainHandle == org.Handle).Role);
        Assert.Equal("Europe/Paris", (await admin.Organizations.UpdateAsync(org.Handle, new UpdateOrganizationRequest { Timezone = "Europe/Paris" })).Timezone);

        TestUser newcomer;
        await using (var scope = App.Scope(out var db)) newcomer = await TestOrg.NewUserAsync(db, DateTime.UtcNow);
        var invited = await admin.Organizations.InviteMemberAsync(org.Handle, new AddMemberRequest { Email = newcomer.Email, Role = Role.Viewer });
        Assert.Equal((Role.Viewer, InvitationStatus.Pending), (invited.Role, invited.Status));
        Assert.Equal(invited.Id, Assert.Single((await admin.Organizations.ListInvitationsAsync(org.Handle)).Items).Id);
        using (var newcomerClient = ClientFor(org.Handle, newcomer.Key))
        {
            Assert.Equal(invited.Id, Assert.Single(await newcomerClient.Invitations.ListAsync()).Id);
            Assert.Equal(Role.Viewer, (await newcomerClient.Invitations.AcceptAsync(invited.Id)).Role);
        }
        Assert.Equal(Role.Member, (await admin.Organizations.UpdateMemberAsync(org.Handle, newcomer.Id, new UpdateMemberRequest { Role = Role.Member })).Role);
        Assert.Equal(4, (await admin.Organizations.ListAllMembersAsync(org.Handle, pageSize: 3).ToListAsync()).Count);
        using (var newcomerClient = ClientFor(org.Handle, newcomer.Key))
            await newcomerClient.Organizations.LeaveAsync(org.Handle);
        Assert.Equal(3, (await admin.Organizations.ListMembersAsync(org.Handle)).Count);
        var again = await admin.Organizations.InviteMemberAsync(org.Handle, new AddMemberRequest { Email = "someone@example.test", Role = Role.Member });
        await admin.Organizations.RevokeInvitationAsync(org.Handle, again.Id);
        Assert.Equal(0, (await admin.Organizations.ListInvitationsAsync(org.Handle)).Count);

        using var viewer = ClientFor(org, org.Viewer);
        await Assert.ThrowsAsync<PodiumPermissionException>(() => viewer.Organizations.UpdateAsync(org.Handle, new UpdateOrganizationRequest { Name = "Mine now" }));

        var key = await admin.ApiKeys.CreateAsync(new CreateApiKeyRequest { Name = "ci" });
        Assert.StartsWith(key.Prefix, key.Key, StringComparison.Ordinal);
        using var withKey = ClientFor(org.Handle, key.Key);
        Assert.Equal(0, (await withKey.Spaces.ListAsync()).Count);
        Assert.Contains(await admin.ApiKeys.ListAllAsync().ToListAsync(), k => k.Id == key.Id && k.RevokedAt is null);
        await admin.ApiKeys.RevokeAsync(key.Id);
        var refused = await Assert.ThrowsAsync<PodiumAuthenticationException>(() => withKey.Spaces.ListAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Spaces_ArePagedToTheEnd_AndAnotherTenantsAreNotFound()
    {
        var org = await NewOrgAsync();
        using var admin = ClientFor(org, org.Admin);
        var created = new List<Space>();
        for (var i = 0; i < 5; i++)
            created.Add(await admin.Spaces.CreateAsync(new CreateSpaceRequest { Name = $"Space {i}", ContentType = "contact", MaxConcurrency = 3 }));

        var listed = await admin.Spaces.ListAllAsync(pageSize: 2).ToListAsync();
        Assert.Equal(created.Select(s => s.Token).Order(), listed.Select(s => s.Token).Order());
        var page = await admin.Spaces.ListAsync(new PageRequest(3, 2));
        Assert.Equal(5, page.Count);
        Assert.False(page.HasMore);

        var renamed = await admin.Spaces.UpdateAsync(created[0].Token, new UpdateSpaceRequest { Name = "Renamed" });
        Assert.Equal("Renamed", renamed.Name);
        Assert.Equal(org.Handle, (await admin.Spaces.GetAsync(created[0].Token)).Organization.DomainHandle);

        var other = await NewOrgAsync();
        using var stranger = ClientFor(other, other.Admin);
        await Assert.ThrowsAsync<PodiumNotFoundException>(() => stranger.Spaces.GetAsync(created[1].Token));
        // The stranger's key is good; naming the first org in Org-Handle gets it nothing either.
        using var trespasser = ClientFor(org.Handle, other.Admin.Key);
        await Assert.ThrowsAnyAsync<PodiumApiException>(() => trespasser.Spaces.GetAsync(created[1].Token));

        await admin.Spaces.DeleteAsync(created[1].Token);
        await Assert.ThrowsAsync<PodiumNotFoundException>(() => admin.Spaces.GetAsync(created[1].Token));
    }

    [Fact]
    public async Task ARun_FromAgentToTranscript_IdempotentAndPaged()
    {
        var org = await NewOrgAsync();
        using var admin = ClientFor(org, org.Admin);
        var space = await admin.Spaces.CreateAsync(new CreateSpaceRequest { Name = "Calls", ContentType = "contact" });
        var agent = await admin.Agents.CreateAsync(new CreateAgentRequest
        {
            Name = "Caller",
            State = AgentState.Published,
            Runtime = new AgentRuntime { Type = AgentRuntimeKind.Simulated },
            Simulation = new SimulationSettings { LatencyMs = 0 },
            Retry = new RetryPolicy { MaxAttempts = 2, On = ["busy"] },
        });
        Assert.Equal(AgentType.Voice, agent.Type);
        Assert.Equal(2, (await admin.Agents.UpdateAsync(agent.Handle, new UpdateAgentRequest { MaxConcurrency = 2 })).MaxConcurrency);

        using var member = ClientFor(org, org.Member);
        var request = new CreateTaskRequest { Pilot = agent.Handle, Documents = People(5), Context = "Confirm the appointment." };
        var run = await member.Tasks.CreateAsync(space.Token, request, idempotencyKey: "batch-1");
        Assert.Equal(5, run.TaskIds.Count);
        Assert.Equal(run.RunId, (await member.Tasks.CreateAsync(space.Token, request, idempotencyKey: "batch-1")).RunId);

        var invalid = await Assert.ThrowsAsync<PodiumValidationException>(() => member.Tasks.CreateAsync(space.Token, new CreateTaskRequest { Pilot = agent.Handle, Documents = [] }));
        Assert.Contains("documents", invalid.Errors.Keys);

        await App.RunEngineAsync();
        var finished = await member.Runs.WaitUntilFinishedAsync(space.Token, run.RunId, TimeSpan.FromMilliseconds(50));
        Assert.Equal(RunStatus.Completed, finished.Status);
        Assert.Equal(5, finished.CompletedTasks);

        var tasks = await member.Runs.ListAllTasksAsync(space.Token, run.RunId, pageSize: 2).ToListAsync();
        Assert.Equal(run.TaskIds.Order(), tasks.Select(t => t.TaskId).Order());
        Assert.All(tasks, t =>
        {
            Assert.Equal(PodiumTaskStatus.Completed, t.Status);
            Assert.Equal(agent.Handle, t.Assignee);
            Assert.NotEmpty(t.Output!["transcript"]!.AsArray());
        });
        Assert.Equal(5, (await member.Tasks.ListAsync(space.Token, PodiumTaskStatus.Completed, run.RunId)).Count);
        Assert.Equal(5, (await member.Agents.ListAllTasksAsync(agent.Handle).ToListAsync()).Count);
        Assert.Equal(5, Assert.Single(await member.Agents.ListAllExecutionsAsync(agent.Handle).ToListAsync()).CompletedTasks);
        Assert.Contains(await member.Agents.ListAllAsync(AgentState.Published).ToListAsync(), a => a.Handle == agent.Handle);
    }

    [Fact]
    public async Task RunControl_PausesResumesAndCancels()
    {
        var (org, space, agent) = await SetUpAsync();
        using var member = ClientFor(org, org.Member);
        var later = App.Clock.GetUtcNow().AddDays(1);
        var run = await member.Tasks.CreateAsync(space, new CreateTaskRequest { Pilot = agent, Documents = People(3), Schedule = Schedule.Starting(later) });

        Assert.Equal(RunStatus.Paused, (await member.Runs.PauseAsync(space, run.RunId)).Status);
        var conflict = await Assert.ThrowsAsync<PodiumConflictException>(() => member.Runs.PauseAsync(space, run.RunId));
        Assert.Contains("paused", conflict.Message, StringComparison.Ordinal);
        Assert.NotEqual(RunStatus.Paused, (await member.Runs.ResumeAsync(space, run.RunId)).Status);
        var cancelled = await member.Runs.CancelAsync(space, run.RunId);
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal(3, cancelled.CancelledTasks);
        Assert.Contains(await member.Runs.ListAllAsync(space, RunStatus.Cancelled).ToListAsync(), r => r.RunId == run.RunId);

        using var viewer = ClientFor(org, org.Viewer);
        await Assert.ThrowsAsync<PodiumPermissionException>(() => viewer.Runs.RetryAsync(space, run.RunId));
    }

    [Fact]
    public async Task Collections_ImportJsonAndCsv_FilterGetAndDelete()
    {
        var (org, space, agent) = await SetUpAsync();
        using var member = ClientFor(org, org.Member);

        var json = await member.Documents.ImportAsync(space, People(3, label: "vip"));
        Assert.Equal(3, json.Created);
        using var csv = new MemoryStream("name,contact_number,labels\nAda Lovelace,+14155550900,cold\nBad,not-a-number,cold\n"u8.ToArray());
        var fromCsv = await member.Documents.ImportCsvAsync(space, csv);
        Assert.Equal((1, 1), (fromCsv.Created, fromCsv.Rejected));
        Assert.Equal(["rows[3].contact_number"], fromCsv.Errors.Keys);
        using var atomicCsv = new MemoryStream("name,contact_number\nBad,nope\n"u8.ToArray());
        await Assert.ThrowsAsync<PodiumValidationException>(() => member.Documents.ImportCsvAsync(space, atomicCsv, atomic: true));

        var vips = await member.Documents.ListAllAsync(space, new DocumentQuery { Labels = ["vip"] }, pageSize: 2).ToListAsync();
        Assert.Equal(3, vips.Count);
        // A word no hex id can contain: the search also reads document ids.
        Assert.Equal("Ada Lovelace", Assert.Single(await member.Documents.ListAllAsync(space, new DocumentQuery { Search = "Lovelace" }).ToListAsync()).Name);
        var first = await member.Documents.GetAsync(space, vips[0].DocumentId);
        Assert.Equal(vips[0].ContactNumber, first.ContactNumber);

        var run = await member.Tasks.CreateAsync(space, new CreateTaskRequest { Pilot = agent, Filters = new JsonObject { ["labels"] = new JsonArray("vip") } });
        Assert.Equal(3, run.TaskIds.Count);

        await member.Documents.DeleteAsync(space, first.DocumentId);
        await Assert.ThrowsAsync<PodiumNotFoundException>(() => member.Documents.GetAsync(space, first.DocumentId));
    }

}

public sealed class ClientApiTestsOnSqlite(EngineApp<Sqlite> app) : ClientApiTests<Sqlite>(app);

public sealed class ClientApiTestsOnPostgres(EngineApp<Postgres> app) : ClientApiTests<Postgres>(app);
