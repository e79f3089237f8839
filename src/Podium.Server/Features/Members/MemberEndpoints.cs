using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Auth;
using Podium.Server.Features.Audit;
using Podium.Server.Http;

namespace Podium.Server.Features.Members;

public static class MemberEndpoints
{
    private static readonly ApiError MemberNotFound = Api.NotFound("Member not found");

    public static void MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organizations/{orgHandle}/members").WithTags("Members")
            .RequireOrganization().RequireRole(Role.Admin).Audited("member");
        group.MapGet("/", ListMembers);
        group.MapPost("/", AddMember).Creates();
        group.MapPatch("/{userId:int}", UpdateMember);
        group.MapDelete("/{userId:int}", RemoveMember);
    }

    public static async Task<ApiResponse<IReadOnlyList<MemberDto>>> ListMembers(
        Tenant tenant, Paging paging, PodiumDb db, CancellationToken ct)
    {
        var query = db.Memberships.AsNoTracking().Where(m => m.OrganizationId == tenant.OrganizationId);
        var count = await query.CountAsync(ct);
        var members = await paging.Apply(query.OrderBy(m => m.UserId), pageAll: true)
            .Select(m => new MemberDto(m.UserId, m.User.Email, m.User.FullName, m.Role, m.CreatedAt))
            .ToListAsync(ct);
        return Api.List("Members fetched successfully", members, count);
    }

    public static async Task<Results<ApiResponse<MemberDto>, ApiError>> AddMember(
        AddMemberRequest request, Tenant tenant, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var added = await MemberOperations.AddAsync(db, tenant.OrganizationId, request, clock.GetUtcNow().UtcDateTime, ct);
        if (added.Error is not null) return added.Error;
        return Api.Created("Member added successfully", added.Value!);
    }

    public static async Task<Results<ApiResponse<MemberDto>, ApiError>> UpdateMember(
        int userId, UpdateMemberRequest request, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.OrganizationId == tenant.OrganizationId && m.UserId == userId, ct);
        if (membership is null) return MemberNotFound;
        if (membership.Role == Role.Admin && request.Role != Role.Admin
            && await MemberOperations.IsLastAdminAsync(db, tenant.OrganizationId, userId, ct))
            return MemberOperations.LastAdmin;

        membership.Role = request.Role;
        await db.SaveChangesAsync(ct);
        var u = membership.User;
        return Api.Ok("Member updated successfully", new MemberDto(u.Id, u.Email, u.FullName, membership.Role, membership.CreatedAt));
    }

    public static async Task<Results<NoContent, ApiError>> RemoveMember(
        int userId, Tenant tenant, PodiumDb db, CancellationToken ct)
    {
        var membership = await db.Memberships
            .FirstOrDefaultAsync(m => m.OrganizationId == tenant.OrganizationId && m.UserId == userId, ct);
        if (membership is null) return MemberNotFound;
        if (membership.Role == Role.Admin && await MemberOperations.IsLastAdminAsync(db, tenant.OrganizationId, userId, ct))
            return MemberOperations.LastAdmin;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        // A removed member keeps no access to the organization's private spaces.
        await db.SpaceMembers.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}
