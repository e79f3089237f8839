using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Podium.Server.Tests.Sdk;

/// <summary>How a pydantic v2 field (lax mode) of the SDK reads a key.</summary>
public enum Need
{
    /// <summary>Present and not null.</summary>
    Required,

    /// <summary>Absent or null, or of the type.</summary>
    Optional,

    /// <summary>Absent, or present and of the type: an explicit null fails.</summary>
    Defaulted,
}

public abstract record Kind
{
    public static readonly Kind Str = new Scalar("str");
    public static readonly Kind Whole = new Scalar("int");
    public static readonly Kind Number = new Scalar("float");
    public static readonly Kind Bool = new Scalar("bool");
    public static readonly Kind DateTime = new Scalar("datetime");
    public static readonly Kind Dict = new Scalar("dict");
    public static readonly Kind Any = new Scalar("any");

    /// <summary>The management <c>Number</c>'s str: numbers are coerced to strings.</summary>
    public static readonly Kind CoercedStr = new Scalar("coerced-str");

    public static Kind ListOf(Kind item) => new ListKind(item);

    public static Kind Of(SdkModel model) => new ModelKind(model);
}

public sealed record Scalar(string Name) : Kind;

public sealed record ListKind(Kind Item) : Kind;

public sealed record ModelKind(SdkModel Model) : Kind;

/// <summary>A field: the keys it is read from (the first present wins), its type and how much it is needed.</summary>
public sealed record SdkField(string Name, Kind Kind, Need Need, params string[] Aliases);

/// <summary>One of the SDK's pydantic models, checked the way pydantic would validate an answer into it.</summary>
public sealed record SdkModel(string Name, params SdkField[] Fields)
{
    public void Check(JsonNode? value, string path = "$")
    {
        Assert.True(value is JsonObject, $"{Name} at {path}: expected an object, got {value?.ToJsonString() ?? "null"}");
        var o = (JsonObject)value!;
        foreach (var field in Fields)
        {
            var keys = field.Aliases.Length == 0 ? [field.Name] : field.Aliases;
            var key = keys.FirstOrDefault(o.ContainsKey);
            var where = $"{path}.{key ?? field.Name}";
            if (key is null)
            {
                Assert.True(field.Need != Need.Required, $"{Name}: required field {field.Name} is missing at {path}: {o.ToJsonString()}");
                continue;
            }
            var v = o[key];
            if (v is null)
            {
                Assert.True(field.Need == Need.Optional, $"{Name}: {where} is null, which the SDK refuses ({field.Need})");
                continue;
            }
            CheckKind(field.Kind, v, where);
        }
    }

    /// <summary>A list method: the unwrapped value must be an array (an empty body gives <c>[]</c>), each item the model.</summary>
    public void CheckList(JsonNode? value, string path = "$")
    {
        if (value is JsonObject { Count: 0 }) return;
        Assert.True(value is JsonArray, $"list[{Name}] at {path}: expected an array, got {value?.ToJsonString() ?? "null"}");
        var i = 0;
        foreach (var item in value!.AsArray()) Check(item, $"{path}[{i++}]");
    }

    private static void CheckKind(Kind kind, JsonNode v, string where)
    {
        switch (kind)
        {
            case ModelKind m:
                m.Model.Check(v, where);
                break;
            case ListKind l:
                Assert.True(v is JsonArray, $"{where}: expected a list, got {v.ToJsonString()}");
                var i = 0;
                foreach (var item in v.AsArray())
                {
                    Assert.True(item is not null, $"{where}[{i}] is null");
                    CheckKind(l.Item, item!, $"{where}[{i++}]");
                }
                break;
            case Scalar { Name: var name }:
                Assert.True(Accepts(name, v), $"{where}: the SDK's {name} refuses {v.ToJsonString()}");
                break;
        }
    }

    private static bool Accepts(string name, JsonNode v)
    {
        var k = v.GetValueKind();
        return name switch
        {
            "any" => true,
            "dict" => k == JsonValueKind.Object,
            "str" => k == JsonValueKind.String,
            "coerced-str" => k is JsonValueKind.String or JsonValueKind.Number,
            "int" => k == JsonValueKind.Number ? Math.Abs(v.GetValue<double>() % 1) == 0 : k == JsonValueKind.String && long.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "float" => k == JsonValueKind.Number || (k == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out _)),
            "bool" => k is JsonValueKind.True or JsonValueKind.False || (k == JsonValueKind.Number && v.GetValue<double>() is 0 or 1)
                || (k == JsonValueKind.String && v.GetValue<string>() is "true" or "false"),
            "datetime" => k == JsonValueKind.Number || (k == JsonValueKind.String && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)),
            _ => false,
        };
    }
}

/// <summary>The SDK's models, field by field, from its source (unpod 0.2.1).</summary>
public static class SdkModels
{
    private static SdkField Req(string name, Kind kind, params string[] aliases) => new(name, kind, Need.Required, aliases);
    private static SdkField Opt(string name, Kind kind, params string[] aliases) => new(name, kind, Need.Optional, aliases);
    private static SdkField Dflt(string name, Kind kind, params string[] aliases) => new(name, kind, Need.Defaulted, aliases);

    /// <summary>telephony <c>Number</c>: extras ignored; <c>status</c>, when present, is used verbatim.</summary>
    public static readonly SdkModel Number = new("Number", Opt("number", Kind.Str), Opt("status", Kind.Str), Opt("state", Kind.Any), Opt("active", Kind.Any));

    /// <summary>The management plane's <c>Number</c> (<c>client.numbers.list</c>).</summary>
    public static readonly SdkModel ManagementNumber = new("management Number",
        Req("number_id", Kind.CoercedStr, "id", "number_id"), Req("number", Kind.CoercedStr),
        Opt("trunk_id", Kind.CoercedStr), Opt("country", Kind.CoercedStr), Opt("created", Kind.DateTime, "created_at", "created"),
        Dflt("status", Kind.CoercedStr, "status", "state"), Dflt("capabilities", Kind.ListOf(Kind.Str)));

    public static readonly SdkModel NumberResult = new("NumberResult",
        Req("number_id", Kind.Whole), Opt("number", Kind.Str), Opt("connection_state", Kind.Str), Opt("agent_id", Kind.Str), Dflt("ok", Kind.Bool), Opt("error", Kind.Str));

    public static readonly SdkModel AgentAttachResult = new("AgentAttachResult",
        Opt("agent_id", Kind.Str), Dflt("numbers", Kind.ListOf(Kind.Of(NumberResult))), Opt("message", Kind.Str));

    public static readonly SdkModel AgentDetachResult = new("AgentDetachResult", Dflt("numbers", Kind.ListOf(Kind.Of(NumberResult))), Opt("message", Kind.Str));

    public static readonly SdkModel Trunk = new("Trunk",
        Req("id", Kind.Whole), Opt("name", Kind.Str), Opt("sip_url", Kind.Str), Opt("transport", Kind.Str), Opt("port", Kind.Str),
        Opt("auth_username", Kind.Str), Opt("auth_password", Kind.Str), Opt("allowed_ips", Kind.Str), Opt("active", Kind.Bool));

    public static readonly SdkModel OriginEndpoint = new("OriginEndpoint",
        Dflt("ingress", Kind.Str), Dflt("dids", Kind.ListOf(Kind.Str)), Dflt("accepted_source_ips", Kind.ListOf(Kind.Str)), Opt("region", Kind.Str));

    /// <summary>The trunk's per-number results: <c>number_id</c> an int, the rest as <see cref="NumberResult"/>.</summary>
    public static readonly SdkModel AttachResult = new("AttachResult",
        Req("trunk_id", Kind.Whole), Dflt("origin_endpoint", Kind.Of(OriginEndpoint)), Dflt("numbers", Kind.ListOf(Kind.Of(NumberResult))), Opt("message", Kind.Str));

    public static readonly SdkModel DetachResult = new("DetachResult",
        Req("trunk_id", Kind.Whole), Dflt("numbers", Kind.ListOf(Kind.Of(NumberResult))), Opt("message", Kind.Str));

    public static readonly SdkModel NumberOverview = new("NumberOverview",
        Opt("number", Kind.Str), Opt("number_id", Kind.Whole), Opt("bridge_slug", Kind.Str), Opt("connection_state", Kind.Str), Opt("termination_kind", Kind.Str),
        Opt("agent_id", Kind.Str), Opt("provider", Kind.Str), Opt("sync_state", Kind.Str), Opt("in_sync", Kind.Bool));

    public static readonly SdkModel VoiceProfile = new("VoiceProfile",
        Req("profile_id", Kind.Str, "profile_id", "id", "agent_profile_id"), Dflt("name", Kind.Str, "persona", "name"),
        Opt("quality", Kind.Str, "quality_tier", "quality"), Opt("estimated_cost_per_min_usd", Kind.Number, "price_per_minute", "estimated_cost_per_min_usd"),
        Opt("latency_ms", Kind.Whole, "latency_p95_ms", "latency_ms"), Dflt("languages", Kind.ListOf(Kind.Str)), Dflt("stt_languages", Kind.ListOf(Kind.Str)),
        Opt("project_id", Kind.Str), Opt("description", Kind.Str), Opt("gender", Kind.Str), Opt("language", Kind.Str), Opt("stt_provider", Kind.Str),
        Opt("stt_model", Kind.Str), Opt("tts_provider", Kind.Str), Opt("tts_model", Kind.Str), Opt("tts_voice", Kind.Str), Opt("tts_language", Kind.Str),
        Opt("voice_prompt", Kind.Str), Opt("greeting_message", Kind.Str), Opt("voice_temperature", Kind.Number), Opt("voice_speed", Kind.Number),
        Opt("created", Kind.DateTime), Opt("modified", Kind.DateTime));

    public static readonly SdkModel TranscriptTurn = new("transcript turn", Req("role", Kind.Str), Req("content", Kind.Str), Opt("timestamp", Kind.DateTime));

    /// <summary><c>Call</c>: <c>transcript</c> is list[object] in the SDK; Podium's turns are checked as <c>{role, content, timestamp}</c> too.</summary>
    public static readonly SdkModel Call = new("Call",
        Req("call_id", Kind.Str, "id", "call_id"), Dflt("project_id", Kind.Str), Dflt("direction", Kind.Str), Dflt("data", Kind.Dict), Dflt("status", Kind.Str),
        Dflt("transcript", Kind.ListOf(Kind.Of(TranscriptTurn))), Opt("to_number", Kind.Str, "to_number", "user_number"),
        Opt("pipe_id", Kind.Str), Opt("agent_id", Kind.Str), Opt("from_number", Kind.Str), Opt("number_id", Kind.Str), Opt("trunk_id", Kind.Str),
        Opt("session_id", Kind.Str), Opt("room_name", Kind.Str), Opt("instructions", Kind.Str), Opt("end_reason", Kind.Str), Opt("disposition", Kind.Str),
        Opt("recording_url", Kind.Str), Opt("duration_s", Kind.Number), Opt("started_at", Kind.DateTime), Opt("ended_at", Kind.DateTime),
        Opt("created", Kind.DateTime), Opt("modified", Kind.DateTime));

    /// <summary>The SDK's derived number status: <c>status</c> verbatim if present, else from <c>state</c> and <c>active</c>.</summary>
    public static string? NumberStatus(JsonObject row)
    {
        if (row.ContainsKey("status")) return row["status"]?.GetValue<string>();
        var state = row["state"]?.GetValue<string>()?.ToUpperInvariant();
        var active = row["active"] is null || row["active"]!.GetValue<bool>();
        return state == "ASSIGNED" ? "assigned" : state == "NOT_ASSIGNED" && active ? "not_assigned" : "closed";
    }
}
