namespace Podium.Data.Entities;

/// <summary>A row that belongs to one organization; the tenant query filter applies to it.</summary>
public interface ITenantOwned
{
    int OrganizationId { get; }
}
