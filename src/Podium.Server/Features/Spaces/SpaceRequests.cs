namespace Podium.Server.Features.Spaces;

public static class SpaceVocabulary
{
    public static readonly string[] SpaceTypes = ["general", "knowledge_base", "contact"];
    public static readonly string[] ContentTypes = ["general", "contact", "table", "email"];

    public static void Check(ValidationErrors errors, string field, string? value, string[] allowed)
    {
        if (value is not null && !allowed.Contains(value))
            errors.Add(field, $"\"{value}\" is not a valid choice. Use one of: {string.Join(", ", allowed)}.");
    }

    public static void Concurrency(ValidationErrors errors, int? value)
    {
        var max = errors.Limits.Engine.MaxSpaceConcurrency;
        if (value < 1 || value > max) errors.Add("max_concurrency", $"Must be from 1 to {max} (this server's ceiling).");
    }

    public static void Common(ValidationErrors errors, string? description, string? logo, string? spaceType, string? contentType, IReadOnlyList<string>? members)
    {
        errors.MaxLength("description", description, 2000);
        if (!string.IsNullOrEmpty(logo)) Rules.HttpUrl(errors, "logo", logo);
        Check(errors, "space_type", spaceType, SpaceTypes);
        Check(errors, "content_type", contentType, ContentTypes);
        for (var i = 0; i < members?.Count; i++)
            Rules.Email(errors, $"members[{i}]", members[i]);
    }
}

/// <param name="Members">Emails of organization members who may see a private space.</param>
public sealed record CreateSpaceRequest(
    string Name,
    string? Description = null,
    string? Logo = null,
    PrivacyType PrivacyType = PrivacyType.Shared,
    string? SpaceType = null,
    string? ContentType = null,
    string? AgentHandle = null,
    IReadOnlyList<string>? Members = null,
    int? MaxConcurrency = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        SpaceVocabulary.Concurrency(errors, MaxConcurrency);
        errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        SpaceVocabulary.Common(errors, Description, Logo, SpaceType, ContentType, Members);
    }
}

/// <summary>Fields left out (or null) keep their value; "" clears logo and agent_handle; members replaces the list.</summary>
public sealed record UpdateSpaceRequest(
    string? Name = null,
    string? Description = null,
    string? Logo = null,
    PrivacyType? PrivacyType = null,
    string? SpaceType = null,
    string? ContentType = null,
    string? AgentHandle = null,
    IReadOnlyList<string>? Members = null,
    int? MaxConcurrency = null) : IValidatable
{
    public void Validate(ValidationErrors errors)
    {
        SpaceVocabulary.Concurrency(errors, MaxConcurrency);
        if (Name is not null) errors.Required("name", Name);
        errors.MaxLength("name", Name, 200);
        SpaceVocabulary.Common(errors, Description, Logo, SpaceType, ContentType, Members);
    }
}
