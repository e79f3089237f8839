using Podium.Server.Engine;

namespace Podium.Server.Features.Telephony.Trunks;

/// <summary>
/// A trunk in the Unpod SDK's shape: an integer <c>id</c>, <c>port</c> and <c>allowed_ips</c> as strings,
/// <c>auth_password</c> masked (present only when one is stored), plus the numbers held with it.
/// </summary>
public sealed record TrunkDto(
    int Id,
    string Name,
    string SipUrl,
    string Host,
    string Transport,
    string? Port,
    string? AuthUsername,
    string? AuthPassword,
    bool PasswordSet,
    string AllowedIps,
    string? Region,
    bool Active,
    IReadOnlyList<string> Numbers,
    DateTime CreatedAt,
    DateTime ModifiedAt)
{
    public const string Mask = "********";

    public static TrunkDto From(SipTrunk t, IReadOnlyList<string> numbers) => new(
        t.Id, t.Name, SipAddress.Format(t.Host, t.Port, t.Transport), t.Host, t.Transport, t.Port?.ToString(CultureInfo.InvariantCulture),
        t.AuthUsername, t.ProtectedPassword is null ? null : Mask, t.ProtectedPassword is not null, t.AllowedIps, t.Region, t.Active,
        numbers, t.CreatedAt, t.ModifiedAt);
}

/// <summary>What <c>attach-numbers</c> tells the carrier's side: the numbers and the addresses calls come from.</summary>
public sealed record OriginEndpointDto(string Ingress, IReadOnlyList<string> Dids, IReadOnlyList<string> AcceptedSourceIps, string? Region);

/// <summary>One number's part of an attach or detach: <c>ok</c>, or the <c>error</c> that kept it.</summary>
public sealed record TrunkNumberResultDto(int NumberId, string? Number, bool Ok, string? Error = null);

public sealed record TrunkAttachResultDto(int TrunkId, OriginEndpointDto OriginEndpoint, IReadOnlyList<TrunkNumberResultDto> Numbers, string Message);

public sealed record TrunkDetachResultDto(int TrunkId, IReadOnlyList<TrunkNumberResultDto> Numbers, string Message);
