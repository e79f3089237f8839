using PhoneNumbers;

namespace Podium.Server.Engine;

/// <summary>Phone numbers read with libphonenumber: E.164 form and the number's time zone.</summary>
public static class Recipients
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly PhoneNumberToTimeZonesMapper Zones = PhoneNumberToTimeZonesMapper.GetInstance();

    /// <summary>
    /// The number in E.164 and its likely IANA time zone, or null when it cannot be a phone number.
    /// "Possible" (right length for its country) rather than "valid" (an assigned range): the docs'
    /// own example, 1234567890, is possible but not assigned, and test numbers are often like it.
    /// </summary>
    public static (string E164, string? TimeZone)? Parse(string raw, string defaultRegion)
    {
        PhoneNumbers.PhoneNumber number;
        try
        {
            number = Phones.Parse(raw, defaultRegion);
        }
        catch (NumberParseException)
        {
            return null;
        }
        if (!Phones.IsPossibleNumber(number))
            return null;
        var zone = Zones.GetTimeZonesForNumber(number)
            .FirstOrDefault(z => z != Zones.GetUnknownTimeZone() && TimeZoneInfo.TryFindSystemTimeZoneById(z, out _));
        return (Phones.Format(number, PhoneNumberFormat.E164), zone);
    }
}
