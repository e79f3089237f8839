namespace Podium.Server.Tests.Infrastructure;

/// <summary>
/// Base of the HTTP test classes. Each concrete class runs on one database kind: a test class
/// is written once as <c>XTests&lt;TDb&gt;</c> and declared twice, on SQLite and on PostgreSQL.
/// </summary>
public abstract class ApiTests<TDb>(PodiumApp<TDb> app) : ApiTestBase<TDb>(app), IClassFixture<PodiumApp<TDb>> where TDb : TestDatabase, new();

/// <summary>The helpers of <see cref="ApiTests{TDb}"/>, on whichever app the test class uses.</summary>
public abstract class ApiTestBase<TDb> where TDb : TestDatabase, new()
{
    protected const string Prefix = "/api/v2/platform";

    protected ApiTestBase(PodiumApp<TDb> app)
    {
        Assert.SkipWhen(app.Database.Unavailable is not null, app.Database.Unavailable ?? "");
        App = app;
    }

    protected PodiumApp<TDb> App { get; }

    protected Task<TestOrg> NewOrgAsync() => TestOrg.CreateAsync(App);

    protected HttpClient ClientFor(TestOrg org, TestUser user) => org.Client(App, user);
}
