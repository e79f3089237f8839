using System.Security.Cryptography;
using Podium.Server.Engine.Runtimes.Providers;
using Podium.Server.Events;
using Podium.Server.Observability;
using Podium.Server.Storage;

namespace Podium.Server.Engine;

/// <summary>A task this process now holds a lease on, with what executing it needs.</summary>
public sealed record ClaimedTask(
    long Id, int OrganizationId, long RunId, string RunPublicId, string PublicId, int Attempt, string Objective, string Input,
    ExecutionType ExecutionType, int AgentId, string AgentHandle, string AgentName, AgentSettings Settings, IReadOnlyList<string> ProtectedSecrets,
    string CallId, string? CallerNumber, string? Phone = null, bool Resumed = false, DateTime? DialAt = null);

/// <summary>
/// Claims due tasks for this process. Claims are serialized across processes (a PostgreSQL
/// advisory lock; SQLite has one writer anyway), so concurrency caps hold server-wide, and each
/// claim is a conditional update, so no task is held by two processes at once. A task whose lease
/// expired (its process died) is claimed again with the same attempt number.
/// Slots are shared between organizations: one organization holds at most
/// <see cref="EngineOptions.SlotsPerOrganization"/> of this process's slots, and free slots are dealt
/// round-robin, the organization holding fewest first. Tasks of a deleted or archived agent are not
/// started: they fail with the reason.
/// </summary>
public sealed class TaskClaimer(
    PodiumDb db, DatabaseConnection connection, IOptions<EngineOptions> options, TimeProvider clock, PodiumTelemetry telemetry, EventOutbox outbox)
{
    private const long ClaimLock = 7_202_611_029;

    public async Task<List<ClaimedTask>> ClaimAsync(int max, CancellationToken ct)
    {
        using var activity = PodiumTelemetry.Activities.StartActivity("engine.claim");
        var claimed = await ClaimCoreAsync(max, ct);
        activity?.SetTag("podium.claimed", claimed.Count);
        return claimed;
    }

    private async Task<List<ClaimedTask>> ClaimCoreAsync(int max, CancellationToken ct)
    {
        var engine = options.Value;
        var now = EngineClock.Now(clock);
        var leaseUntil = now + engine.LeaseDuration;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (connection.Provider == DatabaseProvider.Postgres)
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ClaimLock})", ct);

        var tasks = db.Tasks.IgnoreQueryFilters();
        var live = tasks.Where(t => t.Status == TaskStatus.InProgress && t.LeaseExpiresAt > now);
        var busyAgents = await live.GroupBy(t => t.AgentId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var busySpaces = await live.GroupBy(t => t.SpaceId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var node = engine.Node;
        var heldHere = await live.Where(t => t.LeaseOwner == node).GroupBy(t => t.OrganizationId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var agents = await LoadAgentsAsync(busyAgents.Keys, [], ct);
        var spaceCaps = await LoadSpaceCapsAsync(busySpaces.Keys, [], engine, ct);
        // Work of agents, spaces and organizations at their cap is left out of the search, so one big
        // run cannot fill the candidate window and starve every other tenant's work behind it.
        var fullAgents = busyAgents.Where(b => b.Value >= agents[b.Key].Settings.MaxConcurrency).Select(b => b.Key).ToList();
        var fullSpaces = busySpaces.Where(b => b.Value >= spaceCaps[b.Key]).Select(b => b.Key).ToList();
        var share = engine.SlotsPerOrganization;
        var fullOrganizations = heldHere.Where(h => h.Value >= share).Select(h => h.Key).ToList();

        var candidates = await tasks
            // Waiting tasks of a paused or cancelled run stay put; a task already in progress finishes
            // whatever its run's state, so one whose process died is run again. (The first test is
            // TaskStates.Waiting, spelled out: a stored predicate cannot be one side of an OR.)
            .Where(t => ((t.Status == TaskStatus.Pending || t.Status == TaskStatus.Scheduled) && t.DueAt <= now
                    && t.Run.Status != RunStatus.Paused && t.Run.Status != RunStatus.Cancelled)
                || (t.Status == TaskStatus.InProgress && t.LeaseExpiresAt <= now && !t.AwaitingCallback))
            .Where(t => !fullAgents.Contains(t.AgentId) && !fullSpaces.Contains(t.SpaceId) && !fullOrganizations.Contains(t.OrganizationId))
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id)
            .Take(max * 4)
            .Select(t => new { t.Id, t.OrganizationId, t.RunId, t.AgentId, t.SpaceId, t.Status, t.RecipientTimeZone })
            .ToListAsync(ct);
        if (candidates.Count == 0) return [];
        foreach (var (id, agent) in await LoadAgentsAsync(candidates.Select(c => c.AgentId), agents.Keys, ct))
            agents[id] = agent;
        foreach (var (id, cap) in await LoadSpaceCapsAsync(candidates.Select(c => c.SpaceId), spaceCaps.Keys, engine, ct))
            spaceCaps[id] = cap;

        var pacing = await CallPacing.LoadAsync(db, candidates.Select(c => agents[c.AgentId].Settings).Where(s => ProviderRuntimes.Uses(s.Runtime)).Select(s => s.ProviderConfigId), now, ct);
        var fresh = new List<long>();
        var reclaimed = new List<long>();
        var paced = new List<long>();
        var dialAt = new Dictionary<long, DateTime>();
        var outsideHours = new Dictionary<DateTime, List<long>>();
        var retired = new List<(long Id, int OrganizationId, long RunId, string Reason)>();
        // Round-robin across organizations, the one holding fewest slots here first; due order within each.
        var dealt = candidates.Select((c, i) => (c, i)).GroupBy(x => x.c.OrganizationId)
            .SelectMany(g => g.Select((x, turn) => (x.c, x.i, turn, held: heldHere.GetValueOrDefault(g.Key))))
            .OrderBy(x => x.turn).ThenBy(x => x.held).ThenBy(x => x.i)
            .Select(x => x.c);
        foreach (var c in dealt)
        {
            if (fresh.Count + reclaimed.Count == max) break;
            var agent = agents[c.AgentId];
            if (Retirement(agent) is { } reason)
            {
                retired.Add((c.Id, c.OrganizationId, c.RunId, reason));
                continue;
            }
            if (heldHere.GetValueOrDefault(c.OrganizationId) >= share) continue;
            var settings = agent.Settings;
            var next = CallingHours.NextAllowed(now, c.RecipientTimeZone, settings);
            if (next > now)
            {
                (outsideHours.TryGetValue(next, out var ids) ? ids : outsideHours[next] = []).Add(c.Id);
                continue;
            }
            if (busyAgents.GetValueOrDefault(c.AgentId) >= settings.MaxConcurrency || busySpaces.GetValueOrDefault(c.SpaceId) >= spaceCaps[c.SpaceId])
                continue;
            if (ProviderRuntimes.Uses(settings.Runtime))
            {
                if (pacing.TryTake(settings.ProviderConfigId, now) is not { } slot)
                {
                    if (c.Status != TaskStatus.InProgress) paced.Add(c.Id);
                    continue;
                }
                dialAt[c.Id] = slot;
            }
            busyAgents[c.AgentId] = busyAgents.GetValueOrDefault(c.AgentId) + 1;
            busySpaces[c.SpaceId] = busySpaces.GetValueOrDefault(c.SpaceId) + 1;
            heldHere[c.OrganizationId] = heldHere.GetValueOrDefault(c.OrganizationId) + 1;
            (c.Status == TaskStatus.InProgress ? reclaimed : fresh).Add(c.Id);
        }

        foreach (var (next, ids) in outsideHours)
            await tasks.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TaskStatus.Scheduled)
                .SetProperty(t => t.DueAt, next)
                .SetProperty(t => t.LeaseOwner, (string?)null)
                .SetProperty(t => t.LeaseExpiresAt, (DateTime?)null), ct);
        // Work held back by its provider account's limits steps aside for a moment, so it does not fill
        // every later claim's candidates and keep other tenants' due work out of them.
        if (paced.Count > 0)
        {
            var later = now + CallPacing.Step;
            await tasks.Where(t => paced.Contains(t.Id)).Where(TaskStates.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, later), ct);
        }
        await RetireAsync(retired, now, ct);
        if (fresh.Count > 0)
            await tasks.Where(t => fresh.Contains(t.Id)).Where(TaskStates.Waiting)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, TaskStatus.InProgress)
                    .SetProperty(t => t.Attempt, t => t.Attempt + 1)
                    .SetProperty(t => t.LeaseOwner, node)
                    .SetProperty(t => t.LeaseExpiresAt, leaseUntil)
                    .SetProperty(t => t.AwaitingCallback, false)
                    .SetProperty(t => t.LastStatusChange, now)
                    .SetProperty(t => t.ModifiedAt, now), ct);
        if (reclaimed.Count > 0)
        {
            await tasks.Where(t => reclaimed.Contains(t.Id) && t.Status == TaskStatus.InProgress && t.LeaseExpiresAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeaseOwner, node).SetProperty(t => t.LeaseExpiresAt, leaseUntil).SetProperty(t => t.ModifiedAt, now), ct);
            await db.TaskAttempts.IgnoreQueryFilters().Where(a => reclaimed.Contains(a.TaskId) && a.FinishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FinishedAt, now).SetProperty(a => a.Outcome, CallOutcomes.Interrupted)
                    .SetProperty(a => a.Error, "The process running this attempt stopped; the attempt was started again."), ct);
        }

        var all = fresh.Concat(reclaimed).ToList();
        var claimed = await tasks.Where(t => all.Contains(t.Id) && t.LeaseOwner == node && t.LeaseExpiresAt == leaseUntil && t.Status == TaskStatus.InProgress)
            .OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.OrganizationId, t.RunId, RunPublicId = t.Run.PublicId, t.PublicId, t.Attempt, t.Run.Objective, t.Input, t.ExecutionType, t.AgentId, t.Phone, t.FromNumber })
            .ToListAsync(ct);
        var callers = await CallerNumbersAsync(claimed.Select(c => agents[c.AgentId].BridgeId), ct);
        var attempts = claimed.ToDictionary(c => c.Id, c =>
        {
            var bridge = agents[c.AgentId].BridgeId;
            return new TaskAttempt
            {
                OrganizationId = c.OrganizationId,
                TaskId = c.Id,
                Number = c.Attempt,
                Node = node,
                StartedAt = dialAt.GetValueOrDefault(c.Id, now),
                CallId = "call_" + RandomNumberGenerator.GetHexString(24, lowercase: true),
                BridgeId = bridge,
                CallerNumber = c.FromNumber ?? CallerNumber(agents[c.AgentId].Settings, bridge is { } id ? callers.GetValueOrDefault(id) : null, c.Phone ?? c.PublicId, c.Attempt),
                // Recorded before the provider is asked: after a crash, this says a call may have been placed.
                ProviderConfigurationId = ProviderRuntimes.Uses(agents[c.AgentId].Settings.Runtime) ? agents[c.AgentId].Settings.ProviderConfigId : null,
            };
        });
        db.TaskAttempts.AddRange(attempts.Values);
        await db.SaveChangesAsync(ct);
        var runIds = claimed.Select(c => c.RunId).Distinct().ToList();
        var starting = await db.Runs.IgnoreQueryFilters().Where(r => runIds.Contains(r.Id) && r.Status == RunStatus.Pending)
            .Select(r => new { r.Id, r.OrganizationId }).ToListAsync(ct);
        var startingIds = starting.ConvertAll(r => r.Id);
        if (startingIds.Count > 0)
            await db.Runs.IgnoreQueryFilters().Where(r => startingIds.Contains(r.Id) && r.Status == RunStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.ModifiedAt, now), ct);
        // The events of these changes commit with them.
        foreach (var run in starting)
            await outbox.RunAsync(run.OrganizationId, run.Id, "run.status_changed", now, ct);
        foreach (var organization in claimed.Where(c => fresh.Contains(c.Id)).GroupBy(c => c.OrganizationId))
            await outbox.TasksAsync(organization.Key, organization.Select(c => c.Id).ToList(), now, ct);
        await transaction.CommitAsync(ct);
        telemetry.Claimed.Add(fresh.Count);
        telemetry.Reclaimed.Add(reclaimed.Count);

        return claimed.ConvertAll(c =>
        {
            var agent = agents[c.AgentId];
            return new ClaimedTask(c.Id, c.OrganizationId, c.RunId, c.RunPublicId, c.PublicId, c.Attempt, c.Objective, c.Input,
                c.ExecutionType, c.AgentId, agent.Handle, agent.Name, agent.Settings,
                SigningSecrets.SigningAt(agent.ProtectedWebhookSecret, agent.ProtectedPreviousWebhookSecret, agent.PreviousSecretExpiresAt, now),
                attempts[c.Id].CallId!, attempts[c.Id].CallerNumber, c.Phone, reclaimed.Contains(c.Id), attempts[c.Id].StartedAt);
        });
    }

    /// <summary>The active numbers connected to each bridge, in a stable order, with the provider configuration each is held through.</summary>
    private async Task<Dictionary<int, List<(string Number, int ProviderConfigId)>>> CallerNumbersAsync(IEnumerable<int?> bridgeIds, CancellationToken ct)
    {
        var wanted = bridgeIds.OfType<int>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        var numbers = await db.PhoneNumbers.IgnoreQueryFilters()
            .Where(n => n.BridgeId != null && wanted.Contains(n.BridgeId.Value) && n.Active)
            .OrderBy(n => n.Id)
            .Select(n => new { BridgeId = n.BridgeId!.Value, n.Number, n.ProviderConfigurationId })
            .ToListAsync(ct);
        return numbers.GroupBy(n => n.BridgeId).ToDictionary(g => g.Key, g => g.Select(n => (n.Number, n.ProviderConfigurationId)).ToList());
    }

    /// <summary>
    /// The number to call from: one of the bridge's numbers (for a provider runtime, one held through the
    /// agent's own provider configuration), else the runtime's <c>from_number</c>. A recipient sees the same
    /// number on every attempt (a recognised caller id is answered more often) unless the agent rotates.
    /// </summary>
    private static string? CallerNumber(AgentSettings settings, List<(string Number, int ProviderConfigId)>? bridged, string recipient, int attempt)
    {
        var numbers = bridged?.Where(n => !ProviderRuntimes.Uses(settings.Runtime) || n.ProviderConfigId == settings.ProviderConfigId).Select(n => n.Number).ToList();
        if (numbers is not { Count: > 0 }) return settings.Call.FromNumber;
        var key = settings.Call.RotateCallerId ? $"{recipient}#{attempt}" : recipient;
        var hash = BitConverter.ToUInt32(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        return numbers[(int)(hash % (uint)numbers.Count)];
    }

    /// <summary>The agents, with their settings held to the server's ceilings (which may have been lowered since they were set).</summary>
    private async Task<Dictionary<int, Agent>> LoadAgentsAsync(IEnumerable<int> ids, IEnumerable<int> known, CancellationToken ct)
    {
        var wanted = ids.Except(known).ToList();
        if (wanted.Count == 0) return [];
        var agents = await db.Agents.AsNoTracking().IgnoreQueryFilters().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var agent in agents.Values) agent.Settings = options.Value.HeldToCeilings(agent.Settings);
        return agents;
    }

    private async Task<Dictionary<int, int>> LoadSpaceCapsAsync(IEnumerable<int> ids, IEnumerable<int> known, EngineOptions engine, CancellationToken ct)
    {
        var wanted = ids.Except(known).ToList();
        return wanted.Count == 0 ? [] : await db.Spaces.IgnoreQueryFilters().Where(s => wanted.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => Math.Min(s.MaxConcurrency ?? engine.DefaultSpaceConcurrency, engine.MaxSpaceConcurrency), ct);
    }

    /// <summary>Why a task of this agent must not start, or null when it may.</summary>
    private static string? Retirement(Agent agent) =>
        agent.DeletedAt is not null ? "The agent was deleted; the task was not started."
        : agent.State == AgentState.Archived ? "The agent was archived; the task was not started."
        : null;

    /// <summary>Ends the tasks of deleted or archived agents as failed, with their events, and settles their runs.</summary>
    private async Task RetireAsync(List<(long Id, int OrganizationId, long RunId, string Reason)> retired, DateTime now, CancellationToken ct)
    {
        foreach (var group in retired.GroupBy(r => (r.OrganizationId, r.Reason)))
        {
            var ids = group.Select(r => r.Id).ToList();
            var reason = group.Key.Reason;
            await db.Tasks.IgnoreQueryFilters().Where(t => ids.Contains(t.Id))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(t => t.Status, TaskStatus.Failed)
                    .SetProperty(t => t.LastFailureReason, reason)
                    .SetProperty(t => t.LeaseOwner, (string?)null)
                    .SetProperty(t => t.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(t => t.LastStatusChange, now)
                    .SetProperty(t => t.ModifiedAt, now), ct);
            await db.TaskAttempts.IgnoreQueryFilters().Where(a => ids.Contains(a.TaskId) && a.FinishedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FinishedAt, now).SetProperty(a => a.Outcome, CallOutcomes.Interrupted).SetProperty(a => a.Error, reason), ct);
            await outbox.TasksAsync(group.Key.OrganizationId, ids, now, ct);
        }
        foreach (var runId in retired.Select(r => r.RunId).Distinct())
            await RunProgress.SettleAsync(db, outbox, runId, now, ct);
    }
}
