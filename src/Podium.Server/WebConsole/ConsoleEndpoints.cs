using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Podium.Server.Features.Runs;

namespace Podium.Server.WebConsole;

/// <summary>The console's few plain endpoints: its front door, the organization switch, sign-out and a run's live progress.</summary>
public static class ConsoleEndpoints
{
    public static void MapConsoleEndpoints(this WebApplication app)
    {
        var console = app.MapGroup("/console").RequireAuthorization(p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser())
            .ExcludeFromDescription();

        console.MapGet("/", async (ConsoleSession session, CancellationToken ct) =>
        {
            var organizations = await session.OrganizationsAsync(ct);
            return organizations.Count == 0 ? Results.Redirect("/console/no-organization") : Results.Redirect($"/console/{organizations[0].Handle}/spaces");
        });

        console.MapGet("/switch", (string? org) =>
            Results.Redirect(string.IsNullOrWhiteSpace(org) ? "/console" : $"/console/{Uri.EscapeDataString(org)}/spaces"));

        console.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest();
            await context.SignOutAsync(ConsoleAuth.Scheme);
            return Results.Redirect("/console/sign-in");
        }).DisableAntiforgery();

        // Polled by the run page while the run executes.
        console.MapGet("/{org}/spaces/{spaceToken}/runs/{runId}/progress", async (string org, string spaceToken, string runId, ConsoleSession session, CancellationToken ct) =>
        {
            if (!await session.EnterAsync(org, ct) || await session.SpaceAsync(spaceToken, ct) is not { } space) return Results.NotFound();
            if (await session.Db.Runs.AsNoTracking().Where(r => r.PublicId == runId && r.SpaceId == space.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(ct) is not { } id) return Results.NotFound();
            var run = await RunQueries.ReadOneAsync(session.Db, id, ct);
            return Results.Json(new
            {
                status = run.Status,
                finished = RunControl.IsFinished(run.Status),
                total = run.TotalTasks,
                completed = run.CompletedTasks,
                failed = run.FailedTasks,
                pending = run.PendingTasks,
                in_progress = run.InProgressTasks,
                cancelled = run.CancelledTasks,
            });
        });
    }
}
