using Podium.Server.Features.Organizations;

namespace Podium.Server.Features.Members;

/// <summary>An invitee's side: the invitations to the caller's address, accepted or declined with the caller's own key.</summary>
public static class InvitationEndpoints
{
    public static void MapInvitations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/invitations").WithTags("Members").WithValidation();
        group.MapGet("/", ListMine).Describe("listMyInvitations", "List the caller's invitations");
        group.MapPost("/{invitationId:int}/accept", Accept).Describe("acceptInvitation", "Accept an invitation");
        group.MapPost("/{invitationId:int}/decline", Decline).Describe("declineInvitation", "Decline an invitation");
    }

    /// <summary>Pending, unexpired invitations to the caller's e-mail address.</summary>
    public static async Task<ApiResponse<IReadOnlyList<InvitationDto>>> ListMine(Caller caller, PodiumDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = MemberRules.PendingFor(db, caller.UserId, now);
        var list = await mine.OrderByDescending(i => i.Id).Take(1000).Select(InvitationDto.Projection).ToListAsync(ct);
        return Api.List("Invitations fetched successfully", list, await mine.CountAsync(ct));
    }

    /// <summary>Joins the organization with the invitation's role; answers the organization as the caller now sees it.</summary>
    public static async Task<Results<ApiResponse<OrganizationDto>, ApiError>> Accept(
        int invitationId, Caller caller, OperationContext context, CancellationToken ct) =>
        (await AcceptInvitation.RunAsync(invitationId, caller.UserId, context, ct)).Answer(organization => Api.Ok("Invitation accepted successfully", organization));

    public static async Task<Results<ApiResponse<InvitationDto>, ApiError>> Decline(
        int invitationId, Caller caller, OperationContext context, CancellationToken ct) =>
        (await DeclineInvitation.RunAsync(invitationId, caller.UserId, context, ct)).Answer(invitation => Api.Ok("Invitation declined successfully", invitation));
}
