namespace Podium.Server.Tests.Infrastructure;

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("podium-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
