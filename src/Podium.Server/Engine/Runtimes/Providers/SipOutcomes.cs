namespace Podium.Server.Engine.Runtimes.Providers;

/// <summary>A SIP final response in Podium's outcomes (provider reference, "SIP final responses"), wherever a provider passes one on.</summary>
public static class SipOutcomes
{
    /// <summary>Null for a code that is not a number or says nothing the table knows.</summary>
    public static (string Outcome, string? FailureKind)? Map(string? code) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var sip)
            ? sip switch
            {
                486 or 600 => (CallOutcomes.Busy, null),
                480 or 408 => (CallOutcomes.NoAnswer, null),
                404 or 484 or 485 or 604 => (CallOutcomes.Failed, "invalid_number"),
                403 or 603 or 607 or 608 => (CallOutcomes.Failed, "rejected"),
                487 => (CallOutcomes.Failed, "cancelled"),
                >= 500 and < 600 => (CallOutcomes.Failed, "carrier"),
                _ => null,
            }
            : null;
}
