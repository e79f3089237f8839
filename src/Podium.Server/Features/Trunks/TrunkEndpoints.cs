using Podium.Server.Features.Agents;
using Podium.Server.Features.Audit;

namespace Podium.Server.Features.Trunks;

/// <summary>The organization's own SIP carriers ("bring your own trunk"): read by members, configured by admins.</summary>
public static class TrunkEndpoints
{
    public static readonly ApiError NotFound = Api.NotFound("Trunk not found");
    private static readonly ApiError NameTaken = Api.Conflict("A trunk with this name already exists in the organization.");

    public static void MapTrunks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/telephony/trunks").WithTags("Trunks").RequireOrganization().Audited("trunk");
        group.MapGet("/", List);
        group.MapGet("/{id:int}", Get);
        group.MapPost("/", Create).RequireRole(Role.Admin).Creates();
        group.MapPatch("/{id:int}", Update).RequireRole(Role.Admin);
        group.MapDelete("/{id:int}", Delete).RequireRole(Role.Admin);
        group.MapPost("/{id:int}/attach-numbers", TrunkNumbers.Attach).RequireRole(Role.Admin);
        group.MapPost("/{id:int}/detach-numbers", TrunkNumbers.Detach).RequireRole(Role.Admin);
    }

    /// <summary>Every trunk of the organization, oldest first (a plain array, as the SDK's list reads it).</summary>
    public static async Task<ApiResponse<IReadOnlyList<TrunkDto>>> List(PodiumDb db, CancellationToken ct)
    {
        var trunks = await db.SipTrunks.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
        var numbers = await NumbersAsync(db, trunks.ConvertAll(t => t.Id), ct);
        return Api.List("Trunks fetched successfully.", trunks.ConvertAll(t => TrunkDto.From(t, numbers.GetValueOrDefault(t.Id, []))), trunks.Count);
    }

    public static async Task<Results<ApiResponse<TrunkDto>, ApiError>> Get(int id, PodiumDb db, CancellationToken ct) =>
        await ReadAsync(db, id, ct) is { } trunk ? Api.Ok("Trunk fetched successfully.", trunk) : NotFound;

    public static async Task<Results<ApiResponse<TrunkDto>, ApiError>> Create(
        CreateTrunkRequest request, Tenant tenant, PodiumDb db, TrunkPasswords passwords, TimeProvider clock, CancellationToken ct)
    {
        var address = SipAddress.Parse(request.SipUrl)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var trunk = new SipTrunk
        {
            OrganizationId = tenant.OrganizationId,
            Name = request.Name!.Trim(),
            Host = address.Host,
            Transport = request.Transport?.ToLowerInvariant() ?? address.Transport ?? "udp",
            Port = TrunkFields.Port(request.Port) ?? address.Port,
            AuthUsername = Blank(request.AuthUsername),
            ProtectedPassword = string.IsNullOrEmpty(request.AuthPassword) ? null : passwords.Protect(request.AuthPassword),
            AllowedIps = string.Join(",", TrunkFields.Ips(request.SourceIps, request.AllowedIps) ?? []),
            Region = request.Region?.ToUpperInvariant(),
            Active = request.Active,
            CreatedAt = now,
            ModifiedAt = now,
        };
        db.SipTrunks.Add(trunk);
        if (await UniqueViolation.SaveAsync(db, NameTaken, ct) is { } conflict) return conflict;
        return Api.Created("Trunk created successfully.", (await ReadAsync(db, trunk.Id, ct))!);
    }

    public static async Task<Results<ApiResponse<TrunkDto>, ApiError>> Update(
        int id, UpdateTrunkRequest request, PodiumDb db, TrunkPasswords passwords, TimeProvider clock, CancellationToken ct)
    {
        var trunk = await db.SipTrunks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (trunk is null) return NotFound;
        if (request.Name is not null) trunk.Name = request.Name.Trim();
        if (SipAddress.Parse(request.SipUrl) is { } address)
        {
            trunk.Host = address.Host;
            trunk.Port = address.Port;
            if (address.Transport is not null) trunk.Transport = address.Transport;
        }
        if (request.Transport is not null) trunk.Transport = request.Transport.ToLowerInvariant();
        if (request.Port is not null) trunk.Port = TrunkFields.Port(request.Port);
        if (request.AuthUsername is not null) trunk.AuthUsername = Blank(request.AuthUsername);
        if (request.AuthPassword is not null)
            trunk.ProtectedPassword = request.AuthPassword.Length == 0 ? null : passwords.Protect(request.AuthPassword);
        if (TrunkFields.Ips(request.SourceIps, request.AllowedIps) is { } ips) trunk.AllowedIps = string.Join(",", ips);
        if (request.Region is not null) trunk.Region = request.Region.Length == 0 ? null : request.Region.ToUpperInvariant();
        if (request.Active is { } active) trunk.Active = active;
        trunk.ModifiedAt = clock.GetUtcNow().UtcDateTime;
        if (await UniqueViolation.SaveAsync(db, NameTaken, ct) is { } conflict) return conflict;
        return Api.Ok("Trunk updated successfully.", (await ReadAsync(db, trunk.Id, ct))!);
    }

    /// <summary>
    /// The trunk's numbers go back to their provider's own routing. Refused while an agent dials through
    /// the trunk: its calls would fail instead.
    /// </summary>
    public static async Task<Results<NoContent, ApiError>> Delete(int id, PodiumDb db, CancellationToken ct)
    {
        var trunk = await db.SipTrunks.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (trunk is null) return NotFound;
        var agents = await AgentOperations.HandlesAsync(db, s => s.Call.TrunkId == id, ct);
        if (agents.Count > 0)
            return Api.Conflict($"Agents dial through this trunk ({string.Join(", ", agents)}). Give them another route first.");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.PhoneNumbers.Where(n => n.SipTrunkId == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SipTrunkId, (int?)null), ct);
        db.SipTrunks.Remove(trunk);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    internal static async Task<TrunkDto?> ReadAsync(PodiumDb db, int id, CancellationToken ct)
    {
        var trunk = await db.SipTrunks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        return trunk is null ? null : TrunkDto.From(trunk, (await NumbersAsync(db, [id], ct)).GetValueOrDefault(id, []));
    }

    private static async Task<Dictionary<int, List<string>>> NumbersAsync(PodiumDb db, List<int> trunkIds, CancellationToken ct) =>
        (await db.PhoneNumbers.AsNoTracking().Where(n => n.SipTrunkId != null && trunkIds.Contains(n.SipTrunkId.Value))
            .OrderBy(n => n.Number).Select(n => new { Trunk = n.SipTrunkId!.Value, n.Number }).ToListAsync(ct))
        .GroupBy(n => n.Trunk).ToDictionary(g => g.Key, g => g.Select(n => n.Number).ToList());

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

}
