namespace Podium.Server.Features.Telephony.Numbers;

/// <summary>
/// The Unpod SDK's attach body: numbers by E.164, to an agent (<c>agent_id</c>, a handle; or with
/// <c>attach_type</c> <c>pipeline</c>, <c>pipe_id</c>, which names an agent too, Podium's agent being the
/// whole pipeline) and/or to a bridge (<c>bridge_slug</c>).
/// </summary>
public sealed record AttachNumbersRequest(
    IReadOnlyList<string>? Numbers = null,
    string? AgentId = null,
    string? AttachType = null,
    string? PipeId = null,
    string? BridgeSlug = null,
    string? Region = null) : IValidatable
{
    public static readonly string[] AttachTypes = ["agent", "pipeline"];

    /// <summary>The agent handle the request names, whichever key it used.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Agent => AttachType == "pipeline" ? PipeId : AgentId ?? PipeId;

    public void Validate(ValidationErrors errors)
    {
        NumberList.Check(errors, Numbers);
        if (AttachType is not null && !AttachTypes.Contains(AttachType)) errors.Add("attach_type", "Use agent or pipeline.");
        if (AttachType == "pipeline" && string.IsNullOrWhiteSpace(PipeId)) errors.Add("pipe_id", "A pipeline attach needs pipe_id.");
        else if (Agent is null && BridgeSlug is null) errors.Add("agent_id", "Name the agent (agent_id) or the bridge (bridge_slug) to attach the numbers to.");
        errors.MaxLength("agent_id", AgentId, 64);
        errors.MaxLength("pipe_id", PipeId, 64);
        errors.MaxLength("bridge_slug", BridgeSlug, 100);
        Rules.PhoneRegion(errors, "region", Region);
    }
}

public sealed record DetachNumbersRequest(IReadOnlyList<string>? Numbers = null) : IValidatable
{
    public void Validate(ValidationErrors errors) => NumberList.Check(errors, Numbers);
}

internal static class NumberList
{
    public static void Check(ValidationErrors errors, IReadOnlyList<string>? numbers)
    {
        if (numbers is null or { Count: 0 }) errors.Add("numbers", "At least one number is required.");
        else if (numbers.Count > 1000) errors.Add("numbers", "At most 1000 numbers per request.");
        else
            for (var i = 0; i < numbers.Count; i++)
                errors.MaxLength($"numbers[{i}]", numbers[i], 32);
    }
}

/// <summary>One number's part of an attach or detach. <c>number_id</c> is 0 for a number not in the inventory.</summary>
public sealed record NumberResultDto(int NumberId, string Number, string ConnectionState, string? AgentId, bool Ok, string? Error = null);

public sealed record AttachNumbersResultDto(string? AgentId, string BridgeSlug, IReadOnlyList<NumberResultDto> Numbers, string Message);

public sealed record DetachNumbersResultDto(IReadOnlyList<NumberResultDto> Numbers, string Message);
