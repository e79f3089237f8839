using System.Text.Json.Serialization;

namespace Podium.Server.Features.Calls;

/// <summary>
/// The Unpod SDK's <c>calls.create</c> body: <c>to_number</c> (or <c>user_number</c>), the agent by handle
/// (<c>agent_id</c>, <c>agent</c> or <c>pipe_id</c>), and optionally <c>from_number</c> (one of the
/// organization's numbers), <c>instructions</c> (the call's objective) and <c>data</c> (the contact's
/// fields: <c>name</c>, <c>timezone</c> and any others the agent reads). <c>space_token</c> picks the space
/// the call's run lives in when the agent is not bound to one.
/// </summary>
public sealed record PlaceCallRequest(
    string? ToNumber = null,
    string? UserNumber = null,
    string? AgentId = null,
    string? Agent = null,
    string? PipeId = null,
    string? FromNumber = null,
    string? Instructions = null,
    JsonObject? Data = null,
    string? SpaceToken = null) : IValidatable
{
    /// <summary>The agent handle, whichever key named it.</summary>
    [JsonIgnore]
    public string? Handle => AgentId ?? Agent ?? PipeId;

    [JsonIgnore]
    public string? Recipient => ToNumber ?? UserNumber;

    public void Validate(ValidationErrors errors)
    {
        errors.Required("to_number", Recipient);
        errors.MaxLength("to_number", ToNumber, 32);
        errors.MaxLength("user_number", UserNumber, 32);
        if (Handle is null) errors.Add("agent_id", "Name the agent that places the call (agent_id, its handle).");
        errors.MaxLength("agent_id", AgentId, 64);
        errors.MaxLength("agent", Agent, 64);
        errors.MaxLength("pipe_id", PipeId, 64);
        errors.MaxLength("from_number", FromNumber, 32);
        errors.MaxLength("instructions", Instructions, 10_000);
        errors.MaxLength("space_token", SpaceToken, 64);
        foreach (var (key, value) in Data ?? [])
            if (key is "contact_number" && value is not null) errors.Add("data.contact_number", "The call goes to to_number; leave contact_number out of data.");
    }
}
