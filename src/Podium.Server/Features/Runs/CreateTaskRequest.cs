using System.Text.Json.Serialization;
using Podium.Server.Features.Documents;

namespace Podium.Server.Features.Runs;

/// <summary>
/// When the run's tasks start. <c>now</c> (default); <c>custom</c>: <c>calling_date</c> + <c>calling_time</c>
/// in <c>timezone</c> (the org's by default); <c>at</c>: an ISO 8601 instant; <c>auto</c>: the next slot in
/// the agent's calling days and hours.
/// </summary>
public sealed record ScheduleRequest(
    string Type = "now",
    string? CallingDate = null,
    string? CallingTime = null,
    string? Timezone = null,
    DateTimeOffset? At = null)
{
    public static readonly string[] Types = ["now", "custom", "auto", "at"];

    public void Validate(ValidationErrors errors)
    {
        if (!Types.Contains(Type))
            errors.Add("schedule.type", $"Use one of: {string.Join(", ", Types)}.");
        // The schedule is kept as sent, whatever its type: each part within its format's length.
        errors.MaxLength("schedule.calling_date", CallingDate, 10);
        errors.MaxLength("schedule.calling_time", CallingTime, 5);
        errors.MaxLength("schedule.timezone", Timezone, 64);
        if (Type == "custom")
        {
            if (!DateOnly.TryParseExact(CallingDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                errors.Add("schedule.calling_date", "Use the format YYYY-MM-DD.");
            if (!TimeOnly.TryParseExact(CallingTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                errors.Add("schedule.calling_time", "Use the 24-hour format HH:mm.");
            Rules.TimeZone(errors, "schedule.timezone", Timezone);
        }
        if (Type == "at" && At is null)
            errors.Add("schedule.at", "An ISO 8601 instant is required, e.g. 2026-12-01T09:00:00Z.");
    }

    /// <summary>The instant a custom or at schedule names; null for now and auto.</summary>
    public DateTime? Instant(string organizationTimeZone)
    {
        if (Type == "at") return At!.Value.UtcDateTime;
        if (Type != "custom") return null;
        var local = DateOnly.ParseExact(CallingDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            .ToDateTime(TimeOnly.ParseExact(CallingTime!, "HH:mm", CultureInfo.InvariantCulture));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Timezone ?? organizationTimeZone);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(local) ? local.AddHours(1) : local, zone);
    }
}

/// <summary>
/// The create-task body (contract.md section 5). Documents keep every key the client sent.
/// <c>filters</c> (e.g. <c>{"labels": ["warm-lead"]}</c>) takes the documents from the space's
/// collection instead of <c>documents</c>.
/// </summary>
public sealed record CreateTaskRequest(
    // Required, but checked with the rest of the request (Validate) rather than when the body is read: the
    // caller's organization and role are checked first, so an outsider learns nothing from a validation message.
    [property: System.ComponentModel.DataAnnotations.Required] string Pilot = null!,
    List<JsonObject>? Documents = null,
    string? Context = null,
    ScheduleRequest? Schedule = null,
    JsonObject? Filters = null) : IValidatable
{
    public const int MaxDocuments = 10_000;

    /// <summary>The most tasks one run made from a collection may have.</summary>
    public const int MaxCollectionDocuments = 100_000;

    /// <summary>The filters are kept on the run as sent.</summary>
    public const int MaxFiltersLength = 4000;

    /// <summary>The caller id every task of the run asks for; set by the single-call endpoint, not sent by clients.</summary>
    [JsonIgnore]
    public string? CallerNumber { get; init; }

    /// <summary>The parsed <c>filters</c>; null when absent (or invalid, which validation reports).</summary>
    [JsonIgnore]
    public CollectionFilter? Selection => Filters is null ? null : CollectionFilter.FromJson(Filters, "filters", new ValidationErrors());

    public void Validate(ValidationErrors errors)
    {
        errors.Required("pilot", Pilot);
        errors.MaxLength("pilot", Pilot, 64);
        errors.MaxLength("context", Context, 10_000);
        if (Filters is not null)
        {
            CollectionFilter.FromJson(Filters, "filters", errors);
            if (Filters.ToJsonString().Length > MaxFiltersLength) errors.Add("filters", $"At most {MaxFiltersLength} characters of JSON.");
            if (Documents is not null)
                errors.Add("documents", "Send documents or filters, not both.");
        }
        else if (Documents is null or { Count: 0 })
            errors.Add("documents", "At least one document is required (or filters to take them from the space's collection).");
        else if (Documents.Count > MaxDocuments)
            errors.Add("documents", $"At most {MaxDocuments} documents per request.");
        else
        {
            // The serializer lets null through inside a list; a document must be an object.
            for (var i = 0; i < Documents.Count; i++)
                if (Documents[i] is null) errors.Add($"documents[{i}]", "Must be an object.");
        }
        Schedule?.Validate(errors);
    }
}
