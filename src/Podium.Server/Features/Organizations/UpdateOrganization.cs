namespace Podium.Server.Features.Organizations;

/// <summary>Changes the acting organization's fields sent; its handle and token never change.</summary>
public static class UpdateOrganization
{
    public static async Task<Outcome<OrganizationDto>> RunAsync(UpdateOrganizationRequest request, OperationContext context, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var tenant = context.Tenant;
        var organization = await context.Db.Organizations.SingleAsync(o => o.Id == tenant.OrganizationId, ct);
        if (request.Name is not null) organization.Name = request.Name.Trim();
        if (request.Domain is not null) organization.Domain = request.Domain.Trim();
        if (request.IsPrivateDomain is { } isPrivate) organization.IsPrivateDomain = isPrivate;
        if (request.DefaultPhoneRegion is not null) organization.DefaultPhoneRegion = request.DefaultPhoneRegion.ToUpperInvariant();
        if (request.Timezone is not null) organization.TimeZone = request.Timezone;
        organization.ModifiedAt = context.Now;
        context.Record("organization", "updated", organization.DomainHandle, request);
        await context.Db.SaveChangesAsync(ct);
        return OrganizationDto.From(organization, tenant.Role);
    }
}
