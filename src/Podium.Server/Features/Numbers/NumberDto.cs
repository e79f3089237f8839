using System.Linq.Expressions;
using Podium.Data.Entities;

namespace Podium.Server.Features.Numbers;

/// <summary>
/// A number of the inventory: the reference's <c>{id, number, active}</c>, plus where it is
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
    DateTime CreatedAt)
{
    public const string Assigned = "ASSIGNED";
    public const string Unassigned = "UNASSIGNED";

    public static readonly Expression<Func<PhoneNumber, NumberDto>> Projection = n => new NumberDto(
        n.Id, n.Id, n.Number, n.Active, n.Active ? "active" : "inactive", n.BridgeId == null ? Unassigned : Assigned,
        n.ChannelsCount, n.ProviderConfigurationId, n.ProviderConfiguration.Provider,
        n.Bridge == null ? null : n.Bridge.Slug, n.CreatedAt);
}
