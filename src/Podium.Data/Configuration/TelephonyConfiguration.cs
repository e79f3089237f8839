using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class ProviderConfigurationConfiguration : IEntityTypeConfiguration<ProviderConfiguration>
{
    public void Configure(EntityTypeBuilder<ProviderConfiguration> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Provider).HasMaxLength(32);
        b.Property(e => e.AccountSid).HasMaxLength(200);
        b.Property(e => e.ProtectedSecrets).HasMaxLength(8000);
        b.Property(e => e.SecretNames).HasMaxLength(100);
        b.Property(e => e.BaseUrl).HasMaxLength(2000);
        b.Property(e => e.SipUrl).HasMaxLength(2000);
        b.Property(e => e.MetaJson).HasMaxLength(20000);
        b.HasIndex(e => new { e.OrganizationId, e.Name }).IsUnique();
        // The same account of the same provider is configured once per organization.
        b.HasIndex(e => new { e.OrganizationId, e.Provider, e.AccountSid }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PhoneNumberConfiguration : IEntityTypeConfiguration<PhoneNumber>
{
    public void Configure(EntityTypeBuilder<PhoneNumber> b)
    {
        b.Property(e => e.Number).HasMaxLength(20);
        b.HasIndex(e => new { e.OrganizationId, e.Number }).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.BridgeId, e.Id });
        b.HasOne(e => e.ProviderConfiguration).WithMany().HasForeignKey(e => e.ProviderConfigurationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Bridge).WithMany(e => e.Numbers).HasForeignKey(e => e.BridgeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.SipTrunk).WithMany().HasForeignKey(e => e.SipTrunkId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BridgeConfiguration : IEntityTypeConfiguration<Bridge>
{
    public void Configure(EntityTypeBuilder<Bridge> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Slug).HasMaxLength(100);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.Property(e => e.Region).HasMaxLength(2);
        b.Property(e => e.Status).HasMaxLength(16);
        b.HasIndex(e => new { e.OrganizationId, e.Slug }).IsUnique();
        b.HasMany(e => e.Agents).WithOne(e => e.Bridge).HasForeignKey(e => e.BridgeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SipTrunkConfiguration : IEntityTypeConfiguration<SipTrunk>
{
    public void Configure(EntityTypeBuilder<SipTrunk> b)
    {
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Host).HasMaxLength(253);
        b.Property(e => e.Transport).HasMaxLength(8);
        b.Property(e => e.AuthUsername).HasMaxLength(200);
        b.Property(e => e.ProtectedPassword).HasMaxLength(2000);
        b.Property(e => e.AllowedIps).HasMaxLength(2000);
        b.Property(e => e.Region).HasMaxLength(2);
        b.HasIndex(e => new { e.OrganizationId, e.Name }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VoiceProfileConfiguration : IEntityTypeConfiguration<VoiceProfile>
{
    public void Configure(EntityTypeBuilder<VoiceProfile> b)
    {
        b.Property(e => e.ProfileId).HasMaxLength(34);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.Property(e => e.Language).HasMaxLength(35);
        b.Property(e => e.Languages).HasMaxLength(400);
        b.Property(e => e.Gender).HasMaxLength(16);
        b.Property(e => e.TtsProvider).HasMaxLength(64);
        b.Property(e => e.TtsVoice).HasMaxLength(200);
        b.Property(e => e.TtsModel).HasMaxLength(200);
        b.Property(e => e.TtsLanguage).HasMaxLength(35);
        b.Property(e => e.SttProvider).HasMaxLength(64);
        b.Property(e => e.SttModel).HasMaxLength(200);
        b.Property(e => e.SttLanguages).HasMaxLength(400);
        b.Property(e => e.Greeting).HasMaxLength(1000);
        b.Property(e => e.VoicePrompt).HasMaxLength(4000);
        b.Property(e => e.Quality).HasMaxLength(16);
        b.HasIndex(e => e.ProfileId).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.Name }).IsUnique();
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
