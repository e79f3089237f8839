namespace Podium.Data.Entities;

public sealed class Organization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Domain { get; set; } = "";

    /// <summary>The value clients send as the Org-Handle header; unique server-wide.</summary>
    public required string DomainHandle { get; set; }

    /// <summary>20 uppercase alphanumerics, as in the Unpod docs.</summary>
    public required string Token { get; set; }
    public bool IsPrivateDomain { get; set; }

    /// <summary>ISO 3166 region used to read phone numbers written without a country code.</summary>
    public string DefaultPhoneRegion { get; set; } = "US";

    /// <summary>IANA time zone used for schedules that name none.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Who made it through the API (null for the operator's admin commands); counts toward their limit.</summary>
    public int? CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }
}
