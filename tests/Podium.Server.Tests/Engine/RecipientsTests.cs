using Podium.Server.Engine;

namespace Podium.Server.Tests.Engine;

/// <summary>Phone numbers as documents carry them: to E.164, with the time zone calling hours use.</summary>
public sealed class RecipientsTests
{
    [Theory]
    [InlineData("+14155550100", "US", "+14155550100", "America/Los_Angeles")]
    [InlineData("(415) 555-0100", "US", "+14155550100", "America/Los_Angeles")]
    [InlineData("415.555.0100", "US", "+14155550100", "America/Los_Angeles")]
    [InlineData("+1 212 555 0100", "GB", "+12125550100", "America/New_York")]
    [InlineData("020 7946 0958", "GB", "+442079460958", "Europe/London")]
    [InlineData("+44 20 7946 0958", "US", "+442079460958", "Europe/London")]
    [InlineData("0044 20 7946 0958", "DE", "+442079460958", "Europe/London")]
    [InlineData("030 901820", "DE", "+4930901820", "Europe/Berlin")]
    // The docs' own example: possible for its country though no range is assigned to it.
    [InlineData("1234567890", "US", "+11234567890", null)]
    public void Parse_Numbers(string raw, string region, string e164, string? zone)
    {
        var parsed = Recipients.Parse(raw, region);
        Assert.NotNull(parsed);
        Assert.Equal(e164, parsed.Value.E164);
        Assert.Equal(zone, parsed.Value.TimeZone);
    }

    [Theory]
    [InlineData("", "US")]
    [InlineData("not a number", "US")]
    [InlineData("12", "US")]
    [InlineData("+1 415 555 0100 555 0100", "US")]
    [InlineData("4155550100", "ZZ")]
    public void Parse_NotNumbers(string raw, string region) => Assert.Null(Recipients.Parse(raw, region));
}
