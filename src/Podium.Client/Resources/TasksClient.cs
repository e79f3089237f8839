namespace Podium.Client;

/// <summary>Task creation (one run of tasks per request) and the tasks of a space.</summary>
public sealed class TasksClient
{
    private readonly PodiumHttp _http;

    internal TasksClient(PodiumHttp http) => _http = http;

    /// <summary>
    /// Creates a run: one task per document (or per collection document matching the filters).
    /// The request carries an <c>Idempotency-Key</c> (a new one unless <paramref name="idempotencyKey"/> is given),
    /// kept across the client's retries, so a retried request never makes a second run.
    /// </summary>
    public Task<CreatedRun> CreateAsync(string spaceToken, CreateTaskRequest request, string? idempotencyKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? Guid.NewGuid().ToString("N") : idempotencyKey;
        return _http.SendJsonAsync<CreatedRun>(HttpMethod.Post, $"spaces/{Route.Segment(spaceToken)}/tasks/create/", request,
            message => message.Headers.TryAddWithoutValidation(PodiumHttp.IdempotencyKeyHeader, key), ct);
    }

    public Task<Page<PodiumTask>> ListAsync(string spaceToken, PodiumTaskStatus? status = null, string? runId = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<PodiumTask>($"spaces/{Route.Segment(spaceToken)}/tasks/", new Query().Add("status", status).Add("run_id", runId), page, ct);

    public IAsyncEnumerable<PodiumTask> ListAllAsync(string spaceToken, PodiumTaskStatus? status = null, string? runId = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<PodiumTask>($"spaces/{Route.Segment(spaceToken)}/tasks/", new Query().Add("status", status).Add("run_id", runId), pageSize, ct);
}

/// <summary>The runs of a space: status, counters, tasks, and control (cancel, pause, resume, retry).</summary>
public sealed class RunsClient
{
    private readonly PodiumHttp _http;

    internal RunsClient(PodiumHttp http) => _http = http;

    public Task<Page<Run>> ListAsync(string spaceToken, RunStatus? status = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<Run>(RunsPath(spaceToken), new Query().Add("status", status), page, ct);

    public IAsyncEnumerable<Run> ListAllAsync(string spaceToken, RunStatus? status = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<Run>(RunsPath(spaceToken), new Query().Add("status", status), pageSize, ct);

    public Task<Run> GetAsync(string spaceToken, string runId, CancellationToken ct = default) =>
        _http.GetAsync<Run>(RunPath(spaceToken, runId), null, ct);

    public Task<Page<PodiumTask>> ListTasksAsync(string spaceToken, string runId, PodiumTaskStatus? status = null, PageRequest? page = null, CancellationToken ct = default) =>
        _http.GetPageAsync<PodiumTask>(RunPath(spaceToken, runId) + "tasks/", new Query().Add("status", status), page, ct);

    public IAsyncEnumerable<PodiumTask> ListAllTasksAsync(string spaceToken, string runId, PodiumTaskStatus? status = null, int pageSize = PageRequest.DefaultSize, CancellationToken ct = default) =>
        _http.ListAllAsync<PodiumTask>(RunPath(spaceToken, runId) + "tasks/", new Query().Add("status", status), pageSize, ct);

    /// <summary>Cancels, pauses, resumes or retries a run; returns the run as it is afterwards.</summary>
    public Task<Run> ControlAsync(string spaceToken, string runId, RunAction action, CancellationToken ct = default) =>
        _http.SendAsync<Run>(HttpMethod.Post, RunPath(spaceToken, runId) + ActionSegment(action) + "/", null, null, ct);

    public Task<Run> CancelAsync(string spaceToken, string runId, CancellationToken ct = default) => ControlAsync(spaceToken, runId, RunAction.Cancel, ct);

    public Task<Run> PauseAsync(string spaceToken, string runId, CancellationToken ct = default) => ControlAsync(spaceToken, runId, RunAction.Pause, ct);

    public Task<Run> ResumeAsync(string spaceToken, string runId, CancellationToken ct = default) => ControlAsync(spaceToken, runId, RunAction.Resume, ct);

    public Task<Run> RetryAsync(string spaceToken, string runId, CancellationToken ct = default) => ControlAsync(spaceToken, runId, RunAction.Retry, ct);

    /// <summary>Polls the run until it is finished (<see cref="Run.IsFinished"/>), every <paramref name="pollInterval"/> (2 s by default).</summary>
    public async Task<Run> WaitUntilFinishedAsync(string spaceToken, string runId, TimeSpan? pollInterval = null, CancellationToken ct = default)
    {
        while (true)
        {
            var run = await GetAsync(spaceToken, runId, ct);
            if (run.IsFinished) return run;
            await Task.Delay(pollInterval ?? TimeSpan.FromSeconds(2), ct);
        }
    }

    private static string ActionSegment(RunAction action) => action switch
    {
        RunAction.Cancel => "cancel",
        RunAction.Pause => "pause",
        RunAction.Resume => "resume",
        RunAction.Retry => "retry",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a run action."),
    };

    private static string RunsPath(string spaceToken) => $"spaces/{Route.Segment(spaceToken)}/runs/";

    private static string RunPath(string spaceToken, string runId) => $"{RunsPath(spaceToken)}{Route.Segment(runId)}/";
}
