namespace Podium.Client;

/// <summary><c>organizations/</c> and their members. Lists the caller's organizations; changes need the admin role.</summary>
public sealed class OrganizationsClient
{
    private readonly PodiumHttp _http;

    internal OrganizationsClient(PodiumHttp http) => _http = http;

    public Task<Page<Organization>> ListAsync(PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Organization>("organizations/", null, page, ct);

    public IAsyncEnumerable<Organization> ListAllAsync(int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Organization>("organizations/", null, pageSize, ct);

    /// <summary>Creates an organization with the caller as its admin.</summary>
    public Task<Organization> CreateAsync(CreateOrganizationRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Organization>(HttpMethod.Post, "organizations/", request, ct);

    public Task<Organization> UpdateAsync(string orgHandle, UpdateOrganizationRequest request, CancellationToken ct = default) =>
        In(orgHandle).SendJsonAsync<Organization>(HttpMethod.Patch, $"organizations/{Route.Segment(orgHandle)}/", request, ct);

    public Task<Page<Member>> ListMembersAsync(string orgHandle, PageRequest? page = null, CancellationToken ct = default) =>
        In(orgHandle).GetPageAsync<Member>(MembersPath(orgHandle), null, page, ct);

    public IAsyncEnumerable<Member> ListAllMembersAsync(string orgHandle, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        In(orgHandle).ListAllAsync<Member>(MembersPath(orgHandle), null, pageSize, ct);

    /// <summary>Adds an existing user (by email) to the organization.</summary>
    public Task<Invitation> InviteMemberAsync(string orgHandle, AddMemberRequest request, CancellationToken ct = default) =>
        In(orgHandle).SendJsonAsync<Invitation>(HttpMethod.Post, MembersPath(orgHandle), request, ct);

    /// <summary>The organization's pending invitations (admin).</summary>
    public Task<Page<Invitation>> ListInvitationsAsync(string orgHandle, PageRequest? page = null, CancellationToken ct = default) =>
        In(orgHandle).GetPageAsync<Invitation>(InvitationsPath(orgHandle), null, page, ct);

    public Task RevokeInvitationAsync(string orgHandle, int invitationId, CancellationToken ct = default) =>
        In(orgHandle).SendAsync(HttpMethod.Delete, $"{InvitationsPath(orgHandle)}{invitationId}/", null, ct);

    /// <summary>The caller leaves the organization; the last admin cannot.</summary>
    public Task LeaveAsync(string orgHandle, CancellationToken ct = default) =>
        In(orgHandle).SendAsync(HttpMethod.Post, $"organizations/{Route.Segment(orgHandle)}/leave/", null, ct);

    public Task<Member> UpdateMemberAsync(string orgHandle, int userId, UpdateMemberRequest request, CancellationToken ct = default) =>
        In(orgHandle).SendJsonAsync<Member>(HttpMethod.Patch, $"{MembersPath(orgHandle)}{userId}/", request, ct);

    public Task RemoveMemberAsync(string orgHandle, int userId, CancellationToken ct = default) =>
        In(orgHandle).SendAsync(HttpMethod.Delete, $"{MembersPath(orgHandle)}{userId}/", null, ct);

    private PodiumHttp In(string orgHandle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orgHandle);
        return _http.WithOrganization(orgHandle);
    }

    private static string MembersPath(string orgHandle) => $"organizations/{Route.Segment(orgHandle)}/members/";

    private static string InvitationsPath(string orgHandle) => $"organizations/{Route.Segment(orgHandle)}/invitations/";
}

/// <summary><c>invitations/</c>: the invitations to the caller's own address.</summary>
public sealed class InvitationsClient
{
    private readonly PodiumHttp _http;

    internal InvitationsClient(PodiumHttp http) => _http = http;

    public Task<IReadOnlyList<Invitation>> ListAsync(CancellationToken ct = default) =>
        _http.GetAsync<IReadOnlyList<Invitation>>("invitations/", null, ct);

    /// <summary>Joins the organization; answers it with the caller's new role.</summary>
    public Task<Organization> AcceptAsync(int invitationId, CancellationToken ct = default) =>
        _http.SendAsync<Organization>(HttpMethod.Post, $"invitations/{invitationId}/accept/", null, null, ct);

    public Task<Invitation> DeclineAsync(int invitationId, CancellationToken ct = default) =>
        _http.SendAsync<Invitation>(HttpMethod.Post, $"invitations/{invitationId}/decline/", null, null, ct);
}

/// <summary><c>api-keys/</c>: the caller's own keys.</summary>
public sealed class ApiKeysClient
{
    private readonly PodiumHttp _http;

    internal ApiKeysClient(PodiumHttp http) => _http = http;

    public Task<Page<ApiKey>> ListAsync(PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<ApiKey>("api-keys/", null, page, ct);

    public IAsyncEnumerable<ApiKey> ListAllAsync(int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<ApiKey>("api-keys/", null, pageSize, ct);

    /// <summary>A new key; its secret is in <see cref="CreatedApiKey.Key"/>, this once.</summary>
    public Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest? request = null, CancellationToken ct = default) =>
        _http.SendJsonAsync<CreatedApiKey>(HttpMethod.Post, "api-keys/", request ?? new CreateApiKeyRequest(), ct);

    /// <summary>Revokes a key at once; requests with it get 401 from then on.</summary>
    public Task RevokeAsync(int keyId, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, $"api-keys/{keyId}/", null, ct);
}

/// <summary><c>audit-log/</c> (admin): every change made in the organization, newest first.</summary>
public sealed class AuditLogClient
{
    private readonly PodiumHttp _http;

    internal AuditLogClient(PodiumHttp http) => _http = http;

    public Task<Page<AuditEntry>> ListAsync(AuditLogQuery? query = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<AuditEntry>("audit-log/", query?.Query, page, ct);

    public IAsyncEnumerable<AuditEntry> ListAllAsync(AuditLogQuery? query = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<AuditEntry>("audit-log/", query?.Query, pageSize, ct);
}

internal static class Route
{
    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return Uri.EscapeDataString(value);
    }
}
