using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Data.Sqlite;

namespace Podium.Server.Storage;

/// <summary>
/// The key that encrypts the Data Protection key ring before it is stored in the database, so a
/// copy of the database alone does not reveal provider credentials or webhook secrets.
/// <c>DataProtection:KeyEncryptionKey</c> (32 random bytes, base64) wins; every server process
/// sharing a database needs the same one. Without it, a single SQLite server keeps a generated key
/// in a file beside its database (owner-only), and a PostgreSQL server stores the ring unencrypted,
/// saying so at start-up.
/// </summary>
public sealed partial class KeyEncryptionKey
{
    public const string Setting = "DataProtection:KeyEncryptionKey";
    private readonly Lazy<(byte[]? Key, string Source)> _key;

    public KeyEncryptionKey(IConfiguration configuration, DatabaseConnection connection) =>
        _key = new Lazy<(byte[]?, string)>(() => Resolve(configuration[Setting], connection));

    public byte[]? Value => _key.Value.Key;

    /// <summary>Where the key came from, for the start-up log line (never the key).</summary>
    public string Source => _key.Value.Source;

    /// <summary>The start-up line that says whether the ring is encrypted, and with what (never the key).</summary>
    public void Report(ILogger logger)
    {
        if (Value is null) LogUnencrypted(logger, Setting);
        else LogEncrypted(logger, Source);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key ring is stored unencrypted in the database; set {Setting} (the same on every server) to encrypt it")]
    private static partial void LogUnencrypted(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Data Protection key ring is encrypted with the key from {Source}")]
    private static partial void LogEncrypted(ILogger logger, string source);

    private static (byte[]?, string) Resolve(string? configured, DatabaseConnection connection)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var key = Convert.TryFromBase64String(configured.Trim(), new byte[32], out var written) && written == 32
                ? Convert.FromBase64String(configured.Trim())
                : throw new InvalidOperationException($"{Setting} must be 32 bytes in base64 (e.g. the output of: openssl rand -base64 32).");
            return (key, "configuration");
        }
        if (connection.Provider != DatabaseProvider.Sqlite) return (null, "none");
        var database = new SqliteConnectionStringBuilder(connection.ConnectionString);
        if (database.DataSource == ":memory:" || database.Mode == SqliteOpenMode.Memory) return (null, "none");

        var file = database.DataSource + ".kek";
        if (!File.Exists(file))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            try
            {
                using var stream = new FileStream(file, options);
                stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(file))
            {
                // Another process (an admin command) made it first; read theirs.
            }
        }
        return (Convert.FromBase64String(File.ReadAllText(file).Trim()), $"file {file}");
    }
}

/// <summary>Encrypts a key ring element with AES-256-GCM under the <see cref="KeyEncryptionKey"/>.</summary>
public sealed class KeyRingEncryptor(byte[] key) : IXmlEncryptor
{
    internal static readonly byte[] Context = Encoding.ASCII.GetBytes("Podium.KeyRing.v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + 16 + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), Context);
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with DataProtection:KeyEncryptionKey (AES-256-GCM). "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Made by Data Protection from the stored element's decryptor type; takes the key from the services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>().Value
            ?? throw new InvalidOperationException($"The key ring is encrypted but {KeyEncryptionKey.Setting} is not set on this server.");
        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        var plaintext = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(28), sealedBytes.AsSpan(12, 16), plaintext, KeyRingEncryptor.Context);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}

public static class KeyRingProtectionSetup
{
    public static IServiceCollection AddKeyRingProtection(this IServiceCollection services)
    {
        services.AddSingleton<KeyEncryptionKey>();
        services.AddOptions<KeyManagementOptions>().Configure<KeyEncryptionKey>((options, kek) =>
        {
            if (kek.Value is { } key) options.XmlEncryptor = new KeyRingEncryptor(key);
        });
        return services;
    }
}
