using Podium.Server.Engine;
using Podium.Server.Storage;
namespace Podium.Server.Features.Telephony.Trunks;

/// <summary>Adds one of the organization's own SIP carriers; its password is encrypted and never shown.</summary>
public static class CreateTrunk
{
    public static async Task<Outcome<TrunkDto>> RunAsync(CreateTrunkRequest request, OperationContext context, TrunkPasswords passwords, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var address = SipAddress.Parse(request.SipUrl)!;
        var now = context.Now;
        var trunk = new SipTrunk
        {
            OrganizationId = context.Tenant.OrganizationId,
            Name = request.Name!.Trim(),
            Host = address.Host,
            Transport = request.Transport?.ToLowerInvariant() ?? address.Transport ?? "udp",
            Port = TrunkFields.Port(request.Port) ?? address.Port,
            AuthUsername = OptionalText.Of(request.AuthUsername),
            ProtectedPassword = string.IsNullOrEmpty(request.AuthPassword) ? null : passwords.Protect(request.AuthPassword),
            AllowedIps = string.Join(",", TrunkFields.Ips(request.SourceIps, request.AllowedIps) ?? []),
            Region = request.Region?.ToUpperInvariant(),
            Active = request.Active,
            CreatedAt = now,
            ModifiedAt = now,
        };
        context.Db.SipTrunks.Add(trunk);
        if (await context.SaveCreatedAsync("trunk", () => trunk.Id, request, TrunkRules.NameTaken, ct) is { } conflict) return conflict;
        return (await TrunkRules.ReadAsync(context.Db, trunk.Id, ct))!;
    }
}
