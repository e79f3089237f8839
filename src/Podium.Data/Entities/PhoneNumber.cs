namespace Podium.Data.Entities;

/// <summary>A number in the organization's inventory, held through one provider configuration.</summary>
public sealed class PhoneNumber : ITenantOwned
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }

    /// <summary>E.164, unique within the organization.</summary>
    public required string Number { get; set; }
    public int ProviderConfigurationId { get; set; }
    public ProviderConfiguration ProviderConfiguration { get; set; } = null!;

    /// <summary>The bridge the number is connected to; null while it can still be assigned.</summary>
    public int? BridgeId { get; set; }
    public Bridge? Bridge { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The organization's own SIP carrier the number is held with, when it is one.</summary>
    public int? SipTrunkId { get; set; }
    public SipTrunk? SipTrunk { get; set; }

    /// <summary>Calls the number can carry at once.</summary>
    public int ChannelsCount { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
