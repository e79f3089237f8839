using Microsoft.EntityFrameworkCore;
using Podium.Data;
using Podium.Data.Entities;
using Podium.Server.Features.Common;
using Podium.Server.Http;

namespace Podium.Server.Features.Members;

/// <summary>Adding a member, shared by <c>POST organizations/{handle}/members/</c> and <c>admin member add</c>.</summary>
public static class MemberOperations
{
    public static readonly ApiError AlreadyMember = Api.Conflict("This user is already a member of the organization.");
    public static readonly ApiError LastAdmin = Api.Conflict("An organization must keep at least one admin.");

    public static async Task<Outcome<MemberDto>> AddAsync(
        PodiumDb db, int organizationId, AddMemberRequest request, DateTime now, CancellationToken ct)
    {
        var email = request.Email.Trim().ToLowerInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, ct);
        if (user is null)
            return Api.Validation("email", "No user has this email address.");
        if (await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == user.Id, ct))
            return AlreadyMember;

        db.Memberships.Add(new Membership { OrganizationId = organizationId, UserId = user.Id, Role = request.Role, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return AlreadyMember;
        }
        return new MemberDto(user.Id, user.Email, user.FullName, request.Role, now);
    }

    /// <summary>True when taking the admin role from this user would leave the organization without one.</summary>
    public static async Task<bool> IsLastAdminAsync(PodiumDb db, int organizationId, int userId, CancellationToken ct) =>
        !await db.Memberships.AnyAsync(m => m.OrganizationId == organizationId && m.Role == Role.Admin && m.UserId != userId, ct);
}
