namespace Podium.Server.Storage;

/// <summary>A trunk's SIP password as Data Protection ciphertext; opened only to hand it to the provider that dials.</summary>
public sealed class TrunkPasswords(IDataProtectionProvider protection)
{
    private const string Purpose = "Podium.Trunks.Password.v1";

    public string Protect(string password) => protection.CreateProtector(Purpose).Protect(password);

    public string? Unprotect(string? protectedPassword) =>
        protectedPassword is null ? null : protection.CreateProtector(Purpose).Unprotect(protectedPassword);
}
