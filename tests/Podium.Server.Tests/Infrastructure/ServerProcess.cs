using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Podium.Server.Tests.Infrastructure;

/// <summary>The real server executable in its own process, with its standard output captured.</summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static readonly string[] AnyPort = ["--urls", "http://127.0.0.1:0"];

    private ServerProcess(Process process) => _process = process;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static ServerProcess Start(TestDatabase database, string workingDirectory, params string[] args)
    {
        var start = Info(database, workingDirectory, AnyPort.Concat(args));
        var server = new ServerProcess(new Process { StartInfo = start });
        server._process.OutputDataReceived += (_, e) => server.Receive(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.Receive(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs the executable with <paramref name="args"/> to its end (an admin command, say).</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(TestDatabase database, string workingDirectory, params string[] args)
    {
        var start = Info(database, workingDirectory, args);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo Info(TestDatabase database, string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Podium.Server.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Test agents and receivers listen on loopback.
        start.Environment["Outbound__AllowPrivateNetworks"] = "true";
        foreach (var (key, value) in database.Settings())
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    /// <summary>The address the server listens on, once it does.</summary>
    public Task<string> ListeningAsync() => _listening.Task.WaitAsync(TimeSpan.FromSeconds(60));

    /// <summary>Waits until the captured output contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
                throw new TimeoutException($"'{text}' never appeared. Output:\n{Output}");
            await Task.Delay(50);
        }
        return Output;
    }

    private void Receive(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningPattern().Match(line) is { Success: true } match)
            _listening.TrySetResult(match.Groups[1].Value);
    }

    [GeneratedRegex(@"Now listening on: (http://[0-9.:]+)")]
    private static partial Regex ListeningPattern();

    /// <summary>The process's peak resident memory so far (VmHWM), in bytes.</summary>
    public long PeakResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Sends SIGTERM, as a service manager would, and waits for the process to end.</summary>
    public async Task StopGracefullyAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
