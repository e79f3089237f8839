using Podium.Server.Features.Documents;
using Podium.Server.Features.Runs;
using Podium.Server.Features.Telephony.Numbers;

namespace Podium.Server.Features.Calls;

/// <summary>
/// One call, placed as a run of one task in a contact space: durable, retried, paced and reported like every
/// run, and visible in the space's runs and the call logs. The space is the agent's own (it is bound to one),
/// else <c>space_token</c>, else a space the agent is the default agent of, else the organization's
/// <c>Calls</c> space, made on first use.
/// </summary>
public static class PlaceCall
{
    public const string CallsSpaceType = "calls";

    /// <returns>The call, and whether it is the answer to an earlier request with the same idempotency key.</returns>
    public static async Task<Outcome<(CallDto Call, bool Replayed)>> RunAsync(
        PlaceCallRequest request, string? idempotencyKey, OperationContext context, CollectionWriter writer, CancellationToken ct)
    {
        if (context.Refusal(request) is { } refused) return refused;
        var (tenant, db) = (context.Tenant, context.Db);
        if (idempotencyKey is { Length: 0 or > Idempotency.MaxKeyLength })
            return Api.Validation(Idempotency.Header, $"Must be 1 to {Idempotency.MaxKeyLength} characters.");
        if (await db.Agents.AsNoTracking().FirstOrDefaultAsync(a => a.Handle == request.Handle, ct) is not { } agent) return Api.AgentNotFound;
        var to = NumberRules.Normalize(request.Recipient, tenant.Organization.DefaultPhoneRegion);
        if (to is null) return Api.Validation("to_number", "Not a valid phone number.");
        string? from = null;
        if (request.FromNumber is not null)
        {
            from = NumberRules.Normalize(request.FromNumber, tenant.Organization.DefaultPhoneRegion);
            if (from is null || !await db.PhoneNumbers.AnyAsync(n => n.Number == from && n.Active, ct))
                return Api.Validation("from_number", "Not an active number of the organization's inventory.");
        }
        var now = context.Now;
        var space = await SpaceForAsync(db, tenant, agent, request.SpaceToken, now, ct);
        if (space.Error is not null) return space.Error;

        var document = request.Data?.DeepClone() as JsonObject ?? [];
        document["contact_number"] = to;
        if (document["name"] is null) document["name"] = to;
        var create = new CreateTaskRequest(agent.Handle, [document], request.Instructions) { CallerNumber = from };
        if (context.Refusal(create) is { } invalid) return invalid;
        var fingerprint = idempotencyKey is null ? [] : Idempotency.Fingerprint(context.Json, $"calls:{from}", create);
        // The entry names the call by the id it is read and hung up by, with the fields the caller sent.
        var created = await TaskCreation.CreateAsync(context, writer, space.Value!, create, idempotencyKey, fingerprint,
            run => context.Record("call", "created", run.TaskIds[0], request), ct);
        if (created.Error is not null) return created.Error;
        var (run, replayed) = created.Value;
        if (!replayed) context.Engine.Wake();
        return ((await CallQueries.ReadOneAsync(db, run.TaskIds[0], ct))!, replayed);
    }

    private static async Task<Outcome<Space>> SpaceForAsync(PodiumDb db, Tenant tenant, Agent agent, string? spaceToken, DateTime now, CancellationToken ct)
    {
        Space? space;
        if (agent.SpaceId is { } bound)
        {
            space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Id == bound, ct);
            if (spaceToken is not null && space?.Token != spaceToken)
                return Api.Validation("space_token", "The agent is bound to another space.");
        }
        else if (spaceToken is not null)
        {
            space = await db.Spaces.AsNoTracking().FirstOrDefaultAsync(s => s.Token == spaceToken, ct);
            if (space is null) return Api.Validation("space_token", "No space with this token in the organization.");
        }
        else
        {
            space = await db.Spaces.AsNoTracking().Where(s => s.ContentType == "contact" && (s.AgentId == agent.Id || s.SpaceType == CallsSpaceType))
                .OrderBy(s => s.AgentId == agent.Id ? 0 : 1).ThenBy(s => s.Id).FirstOrDefaultAsync(ct)
                ?? await MakeCallsSpaceAsync(db, tenant, now, ct);
        }
        if (space is null) return Api.SpaceNotFound;
        if (space.ContentType != "contact")
            return Api.Validation("space_token", "Calls are placed from a contact space; this space's content_type is " + space.ContentType + ".");
        return space;
    }

    private static async Task<Space> MakeCallsSpaceAsync(PodiumDb db, Tenant tenant, DateTime now, CancellationToken ct)
    {
        var space = new Space
        {
            OrganizationId = tenant.OrganizationId,
            Name = "Calls",
            Slug = Identifiers.Slug("Calls"),
            Token = Identifiers.SpaceToken(),
            Description = "Single calls placed through speech/v1/calls.",
            PrivacyType = PrivacyType.Shared,
            SpaceType = CallsSpaceType,
            ContentType = "contact",
            CreatedByUserId = tenant.UserId,
            CreatedAt = now,
            ModifiedAt = now,
        };
        db.Spaces.Add(space);
        await db.SaveChangesAsync(ct);
        db.Entry(space).State = EntityState.Detached;
        return space;
    }
}
