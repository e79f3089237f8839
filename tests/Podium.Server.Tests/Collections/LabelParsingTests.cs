using System.Text.Json.Nodes;
using Podium.Server.Features.Documents;

namespace Podium.Server.Tests.Collections;

/// <summary>A document's <c>labels</c>: a list of strings, or one string with <c>;</c>, <c>|</c> or <c>,</c> between them.</summary>
public sealed class LabelParsingTests
{
    [Theory]
    [InlineData("null", "")]
    [InlineData("\"\"", "")]
    [InlineData("[]", "")]
    [InlineData("\"vip\"", "vip")]
    [InlineData("\"vip; Hot | new,old\"", "vip|hot|new|old")]
    [InlineData("\"a;;b; ;\"", "a|b")]
    [InlineData("[\"VIP\", \" vip \", \"B\"]", "vip|b")]
    // In a list, each string is one label, separators and all.
    [InlineData("[\"a,b\"]", "a,b")]
    [InlineData("[\"a;b\", \"c\"]", "a;b|c")]
    public void Labels_AreTrimmedLowercasedAndDistinct(string json, string expected)
    {
        var labels = TaskDocuments.Labels(JsonNode.Parse(json), out var error);
        Assert.Null(error);
        Assert.Equal(expected.Length == 0 ? [] : Split(expected), labels);
    }

    [Theory]
    [InlineData("5", "Must be a list of strings.")]
    [InlineData("true", "Must be a list of strings.")]
    [InlineData("{\"a\": 1}", "Must be a list of strings.")]
    [InlineData("[\"a\", 1]", "Must be a list of strings.")]
    [InlineData("[null]", "Must be a list of strings.")]
    public void Labels_OfAnotherShape_AreRefused(string json, string expected)
    {
        Assert.Empty(TaskDocuments.Labels(JsonNode.Parse(json), out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(TaskDocuments.MaxLabels, 1, null)]
    [InlineData(TaskDocuments.MaxLabels + 1, 1, "At most 50 labels.")]
    [InlineData(1, TaskDocuments.MaxLabelLength, null)]
    [InlineData(1, TaskDocuments.MaxLabelLength + 1, "A label has at most 100 characters.")]
    public void Labels_AreBounded(int count, int length, string? expected)
    {
        var labels = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)JsonValue.Create(i.ToString("D" + length, System.Globalization.CultureInfo.InvariantCulture))).ToArray());
        var parsed = TaskDocuments.Labels(labels, out var error);
        Assert.Equal(expected, error);
        Assert.Equal(expected is null ? count : 0, parsed.Count);
    }

    /// <summary>The expected labels, written with <c>|</c> between them.</summary>
    private static string[] Split(string expected) => expected.Split('|');
}
