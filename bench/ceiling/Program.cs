// What this machine can serve at most over HTTP: Kestrel answering one fixed JSON body, with no
// authentication, database or serialization. A Podium endpoint is measured as a share of it,
// with a body of the same size, in the same run.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var size = int.TryParse(Environment.GetEnvironmentVariable("CEILING_BYTES"), out var n) ? n : 8000;
var body = System.Text.Encoding.UTF8.GetBytes($$"""{"status_code":200,"message":"ok","data":"{{new string('x', Math.Max(0, size - 50))}}"}""");
app.MapGet("/ceiling", () => Results.Bytes(body, "application/json"));
app.MapGet("/healthz", () => "ok");
await app.RunAsync();
