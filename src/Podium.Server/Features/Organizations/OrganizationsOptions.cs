using System.ComponentModel.DataAnnotations;

namespace Podium.Server.Features.Organizations;

/// <summary>Who may make organizations and how long invitations last, under <c>Organizations</c>.</summary>
public sealed class OrganizationsOptions
{
    /// <summary>
    /// Let any key holder create organizations with <c>POST organizations/</c>. Off by default: on a
    /// shared server the operator creates organizations with the admin commands.
    /// </summary>
    public bool SelfService { get; set; }

    /// <summary>Organizations one user may create themselves when <see cref="SelfService"/> is on.</summary>
    [Range(1, 10_000)]
    public int MaxPerUser { get; set; } = 5;

    /// <summary>How long an invitation can be accepted.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);
}
