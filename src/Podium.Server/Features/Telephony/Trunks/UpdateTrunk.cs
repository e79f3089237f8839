using Podium.Server.Engine;
using Podium.Server.Storage;
namespace Podium.Server.Features.Telephony.Trunks;

/// <summary>Changes the fields sent; a new SIP URL replaces host, port and (when it names one) transport.</summary>
public static class UpdateTrunk
{
    public static async Task<Outcome<TrunkDto>> RunAsync(int id, UpdateTrunkRequest request, OperationContext context, TrunkPasswords passwords, CancellationToken ct)
    {
        if (context.Refusal(request) is { } invalid) return invalid;
        var db = context.Db;
        if (await db.SipTrunks.FirstOrDefaultAsync(t => t.Id == id, ct) is not { } trunk) return TrunkRules.NotFound;
        if (request.Name is not null) trunk.Name = request.Name.Trim();
        if (SipAddress.Parse(request.SipUrl) is { } address)
        {
            trunk.Host = address.Host;
            trunk.Port = address.Port;
            if (address.Transport is not null) trunk.Transport = address.Transport;
        }
        if (request.Transport is not null) trunk.Transport = request.Transport.ToLowerInvariant();
        if (request.Port is not null) trunk.Port = TrunkFields.Port(request.Port);
        if (request.AuthUsername is not null) trunk.AuthUsername = OptionalText.Of(request.AuthUsername);
        if (request.AuthPassword is not null)
            trunk.ProtectedPassword = request.AuthPassword.Length == 0 ? null : passwords.Protect(request.AuthPassword);
        if (TrunkFields.Ips(request.SourceIps, request.AllowedIps) is { } ips) trunk.AllowedIps = string.Join(",", ips);
        if (request.Region is not null) trunk.Region = request.Region.Length == 0 ? null : request.Region.ToUpperInvariant();
        if (request.Active is { } active) trunk.Active = active;
        trunk.ModifiedAt = context.Now;
        context.Record("trunk", "updated", id, request);
        if (await UniqueViolation.SaveAsync(db, TrunkRules.NameTaken, ct) is { } conflict) return conflict;
        return (await TrunkRules.ReadAsync(db, trunk.Id, ct))!;
    }
}
