using Microsoft.OpenApi;

namespace Podium.Server.Http;

/// <summary>Marks an endpoint whose success is 201 Created (the envelope is the same as a 200's).</summary>
public sealed class CreatesResource
{
    public static readonly CreatesResource Instance = new();
}

/// <summary>Query parameters an endpoint reads through a custom binder (paging, call-log filters), for the document.</summary>
public sealed record DocumentedQuery(string Name, string Description, JsonSchemaType Type = JsonSchemaType.String);

/// <summary>
/// The built-in OpenAPI document, completed with what the endpoints' signatures cannot say: the
/// Token scheme, the Org-Handle and Idempotency-Key headers, 201s, paging and filter parameters,
/// and the contract's error envelope for every error an endpoint can answer.
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    private const string Scheme = "Token";

    public static RouteHandlerBuilder Creates(this RouteHandlerBuilder builder) => builder.WithMetadata(CreatesResource.Instance);

    /// <summary>The operation's id (for client generators; unique in the document) and its one-line summary.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder, string operationId, string summary) =>
        builder.WithName(operationId).WithSummary(summary);

    public static IServiceCollection AddPodiumOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer(async (document, context, ct) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Podium: Unpod Platform API v2",
                Version = "v2",
                Description = "Self-hosted AI-agent task spaces, wire-compatible with the Unpod Platform API v2. "
                    + "Every path also answers with a trailing slash. Errors use the same envelope as successes, without data.",
            };
            // No servers: the document is the same wherever it is served, and tools use its own origin.
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "`Token <key>` (also `Bearer <key>` or the bare key). Keys are made with POST api-keys/ or `admin key create`.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[nameof(ErrorEnvelope)] = await context.GetOrCreateSchemaAsync(typeof(ErrorEnvelope), null, ct);
        });
        options.AddDocumentTransformer((document, _, _) =>
        {
            AnyJson.Normalize(document);
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var path = context.Description.RelativePath ?? "";
            operation.Parameters ??= [];
            operation.Responses ??= new OpenApiResponses();
            // The endpoint's one-line summary leads; the handler's longer doc comment, where it has one, describes.
            if (metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>().LastOrDefault() is { } summary && operation.Summary != summary.Summary)
            {
                if (!string.IsNullOrEmpty(operation.Summary) && string.IsNullOrEmpty(operation.Description)) operation.Description = operation.Summary;
                operation.Summary = summary.Summary;
            }

            if (path.StartsWith("api/", StringComparison.Ordinal) && !path.Contains("/result", StringComparison.Ordinal))
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
            if (metadata.OfType<OrganizationScope>().LastOrDefault() is { } scope)
                operation.Parameters.Add(Header("Org-Handle", scope.OrgHandleRequired,
                    scope.OrgHandleRequired ? "The organization's domain_handle." : "Optional: the space or agent in the path names the organization; when given it must match."));
            if (metadata.OfType<CreateTaskBudget>().Any())
            {
                operation.Parameters.Remove(operation.Parameters.FirstOrDefault(p => p.Name == "Idempotency-Key")!);
                operation.Parameters.Add(Header("Idempotency-Key", false, "Replays the first answer for 24 h when sent again with the same body (Idempotent-Replayed: true); another body is a 409."));
            }
            foreach (var query in metadata.OfType<DocumentedQuery>())
                operation.Parameters.Add(new OpenApiParameter { Name = query.Name, In = ParameterLocation.Query, Description = query.Description, Schema = new OpenApiSchema { Type = query.Type } });

            if (metadata.OfType<CreatesResource>().Any() && operation.Responses.Remove("200", out var created))
            {
                created.Description = "Created";
                operation.Responses["201"] = created;
            }

            var error = new OpenApiSchemaReference(nameof(ErrorEnvelope), context.Document);
            void Error(string status, string description)
            {
                operation.Responses.TryAdd(status, new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = error } },
                });
            }
            if (operation.Security is { Count: > 0 })
            {
                Error("401", "Authentication credentials were not provided. / Invalid token.");
                Error("403", metadata.OfType<MinimumRole>().Any() ? "Token has expired. / You do not have permission to perform this action." : "Token has expired.");
            }
            Error("400", "There is some Validation error (with errors keyed by field path), or Org-Handle header is required.");
            if (metadata.OfType<OrganizationScope>().Any() || path.Contains('{', StringComparison.Ordinal))
                Error("404", "The organization, or the resource in the path, is unknown or not visible to the caller.");
            if (operation.RequestBody is not null) Error("413", "Request body too large.");
            if (context.Description.HttpMethod is "POST" or "PATCH" or "DELETE") Error("409", "A conflict: a duplicate, a state that forbids the change, or a reused Idempotency-Key.");
            Error("429", "Rate limit exceeded. Please try again in N seconds. (with Retry-After)");
            Error("500", "Internal server error. (with request_id)");
            return Task.CompletedTask;
        });
    });

    private static OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
