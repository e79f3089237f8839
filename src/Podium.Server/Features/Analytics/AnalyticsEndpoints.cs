using Microsoft.AspNetCore.Mvc;
using Podium.Server.Features.Billing;

namespace Podium.Server.Features.Analytics;

public static class AnalyticsEndpoints
{
    public static void MapAnalytics(this RouteGroupBuilder api) =>
        api.MapGroup("/organisation/analytics").WithTags("Analytics").RequireOrganization().MapGet("/", Get).Describe("getAnalytics", "Get call analytics");

    /// <summary>
    /// Counts over the call tasks of the contact spaces the caller can see (or of one, with
    /// <c>space_token</c>), each a grouped query in the database.
    /// </summary>
    public static async Task<Results<ApiResponse<AnalyticsDto>, ApiError>> Get(
        [FromQuery(Name = "space_token")] string? spaceToken, PodiumDb db, IOptions<BillingOptions> billing, CancellationToken ct) =>
        (await AnalyticsReport.ReadAsync(db, spaceToken, billing.Value, ct)).Answer(report => Api.Ok("Analytics fetched successfully", report));
}
