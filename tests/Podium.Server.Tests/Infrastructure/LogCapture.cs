using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>Every log line the server writes, at every level, with its exception and scopes, as text.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            capture._scopes.ForEachScope((scope, list) => list.Add(scope?.ToString() ?? ""), scopes);
            capture.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} [{string.Join(" | ", scopes)}] {state}");
        }
    }
}

/// <summary>The server with every log line captured, down to Trace, for tests that read the logs.</summary>
public sealed class LoggedApp<TDb> : PodiumApp<TDb> where TDb : TestDatabase, new()
{
    public LogCapture Logs { get; } = new();

    /// <summary>The key-ring key this app's PostgreSQL servers share (SQLite keeps its own in a file).</summary>
    public static readonly string KeyEncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected override void Configure(IWebHostBuilder builder)
    {
        if (Database.Provider == Podium.Data.DatabaseProvider.Postgres)
            builder.UseSetting("DataProtection:KeyEncryptionKey", KeyEncryptionKey);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)
            .AddFilter<LogCapture>(null, LogLevel.Trace));
    }
}
