using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace Podium.Server.Tests.Sdk;

/// <summary>The model checks refuse what pydantic refuses, so a passing SDK test means the SDK would parse the answer.</summary>
public sealed class SdkModelTests
{
    [Theory]
    [InlineData("""{"status":"pending"}""")]                      // call_id missing
    [InlineData("""{"call_id":7}""")]                              // a str field given a number
    [InlineData("""{"call_id":"C1","project_id":null}""")]         // an explicit null in a defaulted field
    [InlineData("""{"call_id":"C1","transcript":[{"role":"agent"}]}""")]
    [InlineData("""{"call_id":"C1","duration_s":"long"}""")]
    public void Call_RefusesWhatTheSdkRefuses(string json) =>
        Assert.ThrowsAny<XunitException>(() => SdkModels.Call.Check(JsonNode.Parse(json)));

    [Theory]
    [InlineData("""{"call_id":"C1"}""")]
    [InlineData("""{"id":"C1","status":"completed","transcript":[{"role":"user","content":"hi"}],"duration_s":42,"instructions":null}""")]
    public void Call_TakesWhatTheSdkTakes(string json) => SdkModels.Call.Check(JsonNode.Parse(json));

    [Fact]
    public void Trunk_PortAndAllowedIpsMustBeStrings_IdAnInteger()
    {
        Assert.ThrowsAny<XunitException>(() => SdkModels.Trunk.Check(JsonNode.Parse("""{"id":7,"port":5060}""")));
        Assert.ThrowsAny<XunitException>(() => SdkModels.Trunk.Check(JsonNode.Parse("""{"id":7,"allowed_ips":["1.2.3.4"]}""")));
        Assert.ThrowsAny<XunitException>(() => SdkModels.Trunk.Check(JsonNode.Parse("""{"id":7.5}""")));
        SdkModels.Trunk.Check(JsonNode.Parse("""{"id":"7","port":"5060","allowed_ips":"1.2.3.4"}"""));
    }

    [Fact]
    public void Lists_MustBeArrays_AndVoiceProfilesUnwrapTwice()
    {
        Assert.ThrowsAny<XunitException>(() => SdkModels.Number.CheckList(JsonNode.Parse("""{"results":[]}""")));
        SdkModels.Number.CheckList(new JsonObject());
        var answer = new SdkAnswer(200, """{"status_code":200,"message":"ok","data":{"data":[{"id":"VP1"}]}}""");
        SdkModels.VoiceProfile.CheckList(answer.Data(unwraps: 2));
        Assert.ThrowsAny<XunitException>(() => SdkModels.VoiceProfile.CheckList(new SdkAnswer(200, """{"status_code":200,"message":"ok","data":{"data":[{"id":1}]}}""").Data(unwraps: 2)));
        Assert.ThrowsAny<XunitException>(() => new SdkAnswer(301, "").Body());
    }

    [Theory]
    [InlineData("""{"state":"ASSIGNED"}""", "assigned")]
    [InlineData("""{"state":"NOT_ASSIGNED","active":true}""", "not_assigned")]
    [InlineData("""{"state":"NOT_ASSIGNED","active":false}""", "closed")]
    [InlineData("""{"state":"UNASSIGNED"}""", "closed")]
    [InlineData("""{"status":"assigned","state":"NOT_ASSIGNED"}""", "assigned")]
    public void NumberStatus_AsTheSdkDerivesIt(string json, string status) =>
        Assert.Equal(status, SdkModels.NumberStatus(JsonNode.Parse(json)!.AsObject()));
}
