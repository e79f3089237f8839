using System.ComponentModel.DataAnnotations;

namespace Podium.Server.Features.Billing;

/// <summary>How usage becomes invoices, under the <c>Billing</c> configuration section.</summary>
public sealed class BillingOptions
{
    /// <summary>ISO 4217 code printed on invoices; task costs are recorded in it.</summary>
    [RegularExpression("^[A-Z]{3}$")]
    public string Currency { get; set; } = "USD";

    /// <summary>Tax added to each invoice's amount, as a fraction (0.18 for 18%).</summary>
    [Range(0.0, 1.0)]
    public decimal TaxRate { get; set; }

    /// <summary>Days from an invoice's date to its due date.</summary>
    [Range(0, 365)]
    public int PaymentTermsDays { get; set; } = 7;
}
