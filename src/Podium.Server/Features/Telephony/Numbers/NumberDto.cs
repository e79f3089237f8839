using System.Linq.Expressions;

namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>
/// A number of the inventory: the reference's <c>{id, number, active}</c>, the Unpod SDK's <c>state</c>
/// (<c>ASSIGNED</c>, <c>NOT_ASSIGNED</c>) and <c>status</c> (<c>assigned</c>, <c>not_assigned</c>, or
/// <c>closed</c> for an inactive number: what the SDK derives from state and active), plus where it is
/// connected. <c>id</c> and <c>number_id</c> are the same number (Podium has no separate assignment row).
/// </summary>
public sealed record NumberDto(
    int Id,
    int NumberId,
    string Number,
    bool Active,
    string Status,
    string State,
    int ChannelsCount,
    int ProviderConfigId,
    string Provider,
    string? Bridge,
    int? TrunkId,
    DateTime CreatedAt)
{
    public const string Assigned = "ASSIGNED";
    public const string NotAssigned = "NOT_ASSIGNED";

    public static readonly Expression<Func<PhoneNumber, NumberDto>> Projection = n => new NumberDto(
        n.Id, n.Id, n.Number, n.Active,
        n.BridgeId != null ? "assigned" : n.Active ? "not_assigned" : "closed",
        n.BridgeId == null ? NotAssigned : Assigned,
        n.ChannelsCount, n.ProviderConfigurationId, n.ProviderConfiguration.Provider,
        n.Bridge == null ? null : n.Bridge.Slug, n.SipTrunkId, n.CreatedAt);
}
