namespace Podium.Server.Features.Telephony.Bridges;

/// <summary>A connected number, with every field the three documented number shapes use.</summary>
public sealed record BridgeNumberDto(
    int Id, int NumberId, string Number, string State, bool Active, int ChannelsCount, string Status, int ProviderConfigId, string Provider);

/// <summary>
/// The union of the documented bridge shapes. <c>provider</c> is the slug of the connected
/// numbers' provider (null with none); <c>agents</c> are the handles that call through the bridge.
/// </summary>
public sealed record BridgeDto(
    int Id,
    string Name,
    string Slug,
    string Description,
    string Status,
    string? Region,
    string? Provider,
    IReadOnlyList<BridgeNumberDto> Numbers,
    IReadOnlyList<string> Agents,
    string OrgHandle,
    DateTime CreatedAt,
    DateTime ModifiedAt)
{
    /// <param name="bridge">Loaded with its numbers (and their configurations) and agents.</param>
    public static BridgeDto From(Bridge bridge, string orgHandle)
    {
        var numbers = bridge.Numbers.OrderBy(n => n.Id)
            .Select(n => new BridgeNumberDto(n.Id, n.Id, n.Number, "ASSIGNED", n.Active, n.ChannelsCount, n.Active ? "active" : "inactive",
                n.ProviderConfigurationId, n.ProviderConfiguration.Provider))
            .ToList();
        return new BridgeDto(
            bridge.Id, bridge.Name, bridge.Slug, bridge.Description, bridge.Status, bridge.Region,
            numbers.FirstOrDefault()?.Provider, numbers,
            bridge.Agents.Where(a => a.DeletedAt == null).OrderBy(a => a.Id).Select(a => a.Handle).ToList(),
            orgHandle, bridge.CreatedAt, bridge.ModifiedAt);
    }
}
