namespace Podium.Client;

/// <summary><c>spaces/</c>: the spaces of the organization the caller can see.</summary>
public sealed class SpacesClient
{
    private readonly PodiumHttp _http;

    internal SpacesClient(PodiumHttp http) => _http = http;

    public Task<Page<Space>> ListAsync(PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Space>("spaces/", null, page, ct);

    public IAsyncEnumerable<Space> ListAllAsync(int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Space>("spaces/", null, pageSize, ct);

    public Task<Space> GetAsync(string spaceToken, CancellationToken ct = default) =>
        _http.GetAsync<Space>($"spaces/{Route.Segment(spaceToken)}/", null, ct);

    public Task<Space> CreateAsync(CreateSpaceRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Space>(HttpMethod.Post, "spaces/", request, ct);

    public Task<Space> UpdateAsync(string spaceToken, UpdateSpaceRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Space>(HttpMethod.Patch, $"spaces/{Route.Segment(spaceToken)}/", request, ct);

    public Task DeleteAsync(string spaceToken, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, $"spaces/{Route.Segment(spaceToken)}/", null, ct);
}

/// <summary><c>agents/</c>: the organization's agents, their tasks and their executions.</summary>
public sealed class AgentsClient
{
    private readonly PodiumHttp _http;

    internal AgentsClient(PodiumHttp http) => _http = http;

    public Task<Page<Agent>> ListAsync(AgentState? state = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Agent>("agents/", new Query().Add("state", state), page, ct);

    public IAsyncEnumerable<Agent> ListAllAsync(AgentState? state = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Agent>("agents/", new Query().Add("state", state), pageSize, ct);

    public Task<Agent> GetAsync(string agentHandle, CancellationToken ct = default) =>
        _http.GetAsync<Agent>(AgentPath(agentHandle), null, ct);

    public Task<Agent> CreateAsync(CreateAgentRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Agent>(HttpMethod.Post, "agents/", request, ct);

    public Task<Agent> UpdateAsync(string agentHandle, UpdateAgentRequest request, CancellationToken ct = default) =>
        _http.SendJsonAsync<Agent>(HttpMethod.Patch, AgentPath(agentHandle), request, ct);

    public Task DeleteAsync(string agentHandle, CancellationToken ct = default) =>
        _http.SendAsync(HttpMethod.Delete, AgentPath(agentHandle), null, ct);

    /// <summary>A webhook agent's new signing secret, in <see cref="Agent.WebhookSecret"/> this once; the previous one signs beside it for the grace period.</summary>
    public Task<Agent> RotateSecretAsync(string agentHandle, RotateSecretRequest? request = null, CancellationToken ct = default) =>
        _http.SendJsonAsync<Agent>(HttpMethod.Post, AgentPath(agentHandle) + "rotate-secret/", request ?? new RotateSecretRequest(), ct);

    public Task<Page<PodiumTask>> ListTasksAsync(string agentHandle, PodiumTaskStatus? status = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<PodiumTask>(AgentPath(agentHandle) + "tasks/", new Query().Add("status", status), page, ct);

    public IAsyncEnumerable<PodiumTask> ListAllTasksAsync(string agentHandle, PodiumTaskStatus? status = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<PodiumTask>(AgentPath(agentHandle) + "tasks/", new Query().Add("status", status), pageSize, ct);

    /// <summary>The runs the agent executed, with their counters.</summary>
    public Task<Page<Execution>> ListExecutionsAsync(string agentHandle, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Execution>(AgentPath(agentHandle) + "executions/", null, page, ct);

    public IAsyncEnumerable<Execution> ListAllExecutionsAsync(string agentHandle, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Execution>(AgentPath(agentHandle) + "executions/", null, pageSize, ct);

    private static string AgentPath(string handle) => $"agents/{Route.Segment(handle)}/";
}
