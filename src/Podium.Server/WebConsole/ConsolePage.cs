using Microsoft.AspNetCore.Components;

namespace Podium.Server.WebConsole;

/// <summary>
/// Base of the console's organization pages: enters the organization in the URL (not a member: the page
/// is not found), and gives the page the request's cancellation, a way to refuse a forbidden post and
/// a redirect after a successful one.
/// </summary>
public abstract class ConsolePage : ComponentBase
{
    [Parameter] public string Org { get; set; } = "";

    [Inject] protected ConsoleSession Session { get; set; } = null!;

    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [CascadingParameter] protected HttpContext HttpContext { get; set; } = null!;

    /// <summary>False when the organization, or the resource the page names, is not the user's to see.</summary>
    protected bool Found { get; private set; }

    /// <summary>
    /// True once the page's data is loaded. Blazor renders a page once before its asynchronous
    /// initialization ends; pages render nothing until then, so no half-loaded state (a "not found"
    /// that sets a 404) takes effect.
    /// </summary>
    protected bool Loaded { get; private set; }

    /// <summary>A message for the user after a refused or failed action.</summary>
    protected string? Problem { get; set; }

    /// <summary>Field errors from the application code, keyed by the API's field names.</summary>
    protected IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    protected CancellationToken Ct => HttpContext.RequestAborted;

    protected string Base => $"/console/{Org}";

    protected override async Task OnInitializedAsync()
    {
        Found = await Session.EnterAsync(Org, Ct) && await LoadAsync();
        // A page not found renders NotFoundMessage, which answers 404.
        Loaded = true;
    }

    /// <summary>Loads the page's data; false when what the URL names is not found.</summary>
    protected abstract Task<bool> LoadAsync();

    /// <summary>
    /// Checks a post against the API's rule for the same operation; a refused post (a forged form, or a
    /// page left open after a role change) answers 403 and changes nothing.
    /// </summary>
    protected bool Allowed(string method, string apiRoute)
    {
        if (Session.Can(method, apiRoute)) return true;
        Problem = "Your role in this organization does not allow this.";
        if (!HttpContext.Response.HasStarted) HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
        return false;
    }

    /// <summary>Shows what the application code refused, with its field errors.</summary>
    protected void Show(ApiError error)
    {
        Problem = error.Message;
        Errors = error.Errors ?? new Dictionary<string, string[]>();
        if (!HttpContext.Response.HasStarted) HttpContext.Response.StatusCode = error.StatusCode ?? StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// An operation's outcome, as the page uses it: the value, or null with the refusal shown with its
    /// field errors. The operation ran the request's checks and wrote its own audit entry and events.
    /// </summary>
    protected T? Accept<T>(Outcome<T> outcome)
    {
        if (outcome.Error is null) return outcome.Value;
        Show(outcome.Error);
        return default;
    }

    /// <summary>True when the operation answered no refusal; else the refusal is shown.</summary>
    protected bool Accept(ApiError? refusal)
    {
        if (refusal is null) return true;
        Show(refusal);
        return false;
    }

    /// <summary>
    /// A page number from the query string, read as text: a typed query parameter that does not parse
    /// would fail the whole page, and a bad page number is just the first page.
    /// </summary>
    protected static int PageFrom(string? query) => int.TryParse(query, out var page) && page > 0 ? page : 1;

    /// <summary>Rows before page <paramref name="page"/> (from 1); far past the end stays a valid, empty page.</summary>
    protected static int Offset(int page, int size) => (int)Math.Min(((long)Math.Max(page, 1) - 1) * size, int.MaxValue);

    /// <summary>The API's paging, read from this page's own query string (<c>page</c>, <c>page_size</c>).</summary>
    protected Paging QueryPaging => Paging.From(HttpContext.Request.Query);

    /// <summary>After a successful post: the page again (or another), by GET, so a reload does not post twice.</summary>
    protected void Redirect(string url) => Navigation.NavigateTo(url);
}
