using Podium.Server;
using Podium.Server.Admin;

if (args is ["admin", .. var adminArgs])
    return await AdminCommands.RunAsync(adminArgs, Console.Out, Console.Error);

var flags = ServerSetup.TranslateFlags(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = flags, ContentRootPath = StartupDefaults.ContentRoot(flags) });
builder.AddPodium();
var app = builder.Build();
app.UsePodium();
await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
