using Podium.Server.WebConsole.Components;

namespace Podium.Server.WebConsole;

/// <summary>The web console at <c>/console</c>: server-rendered Razor components over the same application code as the API.</summary>
public static class ConsoleSetup
{
    public static void AddPodiumConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<ConsolePermissions>();
        builder.Services.AddSingleton<ConsoleAssets>();
        builder.Services.AddScoped<ConsoleSession>();
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "podium_console_af";
            o.Cookie.Path = "/console";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
    }

    public static void MapPodiumConsole(this WebApplication app)
    {
        app.Services.GetRequiredService<ConsoleAssets>().Map(app);
        app.MapRazorComponents<App>().RequireAuthorization(p => p.AddAuthenticationSchemes(ConsoleAuth.Scheme).RequireAuthenticatedUser());
        app.MapConsoleEndpoints();
    }
}
