namespace Podium.Data.Entities;

/// <summary>
/// Lengths of the columns that hold text from outside (agents, clients), named once so the schema and
/// the code that clips or refuses such text cannot drift apart.
/// </summary>
public static class ColumnLengths
{
    public const int TaskOutput = 1_000_000;
    public const int TaskInput = 100_000;
    public const int FailureReason = 1000;
    public const int Outcome = 32;
    public const int EndReason = 64;
    public const int Disposition = 64;
}
