using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Podium.Data.Entities;

namespace Podium.Data;

public sealed class PodiumDb(DbContextOptions<PodiumDb> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>Names of the model's query filters, for the rare query that must lift one.</summary>
    public static class Filters
    {
        public const string Tenant = nameof(Tenant);
        public const string SoftDelete = nameof(SoftDelete);
        public const string SpaceVisibility = nameof(SpaceVisibility);

        /// <summary>
        /// For looking up what a visible row refers to (its run's agent handle, its space token): the
        /// referent is named even when deleted since, or moved out of the caller's sight.
        /// </summary>
        public static readonly string[] AllButTenant = [SoftDelete, SpaceVisibility];
    }

    /// <summary>
    /// The organization this unit of work acts for. Tenant-owned rows are invisible until
    /// it is set: a forgotten scope yields nothing rather than another tenant's data.
    /// </summary>
    public int? TenantId { get; set; }

    /// <summary>
    /// The private spaces of the tenant the caller may not see (set for members and viewers who are not
    /// in them). Everything a space owns (the space, its agents, runs, tasks, attempts and documents) is
    /// invisible through them, as another tenant's rows are: the one rule every query inherits.
    /// </summary>
    public int[] HiddenSpaceIds { get; set; } = [];

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Space> Spaces => Set<Space>();
    public DbSet<SpaceMember> SpaceMembers => Set<SpaceMember>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<Run> Runs => Set<Run>();
    public DbSet<RunTask> Tasks => Set<RunTask>();
    public DbSet<TaskAttempt> TaskAttempts => Set<TaskAttempt>();
    public DbSet<ProviderConfiguration> ProviderConfigurations => Set<ProviderConfiguration>();
    public DbSet<PhoneNumber> PhoneNumbers => Set<PhoneNumber>();
    public DbSet<Bridge> Bridges => Set<Bridge>();
    public DbSet<SipTrunk> SipTrunks => Set<SipTrunk>();
    public DbSet<VoiceProfile> VoiceProfiles => Set<VoiceProfile>();
    public DbSet<CollectionDocument> Documents => Set<CollectionDocument>();
    public DbSet<DocumentLabel> DocumentLabels => Set<DocumentLabel>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    /// <summary>The Data Protection key ring, shared by every server process on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The audit log is append-only: a change or removal of an entry is a bug, refused here.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAuditRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RefuseAuditRewrites()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are append-only.");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite hands DateTime back unspecified; every timestamp here is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PodiumDb).Assembly);

        modelBuilder.Entity<Space>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<Space>().HasQueryFilter(Filters.SoftDelete, e => e.DeletedAt == null);
        modelBuilder.Entity<Space>().HasQueryFilter(Filters.SpaceVisibility, e => !HiddenSpaceIds.Contains(e.Id));
        modelBuilder.Entity<Agent>().HasQueryFilter(Filters.SpaceVisibility, e => e.SpaceId == null || !HiddenSpaceIds.Contains(e.SpaceId.Value));
        modelBuilder.Entity<Run>().HasQueryFilter(Filters.SpaceVisibility, e => !HiddenSpaceIds.Contains(e.SpaceId));
        modelBuilder.Entity<RunTask>().HasQueryFilter(Filters.SpaceVisibility, e => !HiddenSpaceIds.Contains(e.SpaceId));
        modelBuilder.Entity<TaskAttempt>().HasQueryFilter(Filters.SpaceVisibility, e => !HiddenSpaceIds.Contains(e.Task.SpaceId));
        modelBuilder.Entity<CollectionDocument>().HasQueryFilter(Filters.SpaceVisibility, e => !HiddenSpaceIds.Contains(e.SpaceId));
        modelBuilder.Entity<DocumentLabel>().HasQueryFilter(Filters.SpaceVisibility, e => !HiddenSpaceIds.Contains(e.SpaceId));
        modelBuilder.Entity<SpaceMember>().HasQueryFilter(Filters.SpaceVisibility, e => !HiddenSpaceIds.Contains(e.SpaceId));
        modelBuilder.Entity<SpaceMember>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<Agent>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<Agent>().HasQueryFilter(Filters.SoftDelete, e => e.DeletedAt == null);
        modelBuilder.Entity<Run>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<RunTask>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<TaskAttempt>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<ProviderConfiguration>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<PhoneNumber>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<Bridge>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<SipTrunk>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<VoiceProfile>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<CollectionDocument>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<DocumentLabel>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<WebhookSubscription>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<WebhookEvent>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
        modelBuilder.Entity<WebhookDelivery>().HasQueryFilter(Filters.Tenant, e => e.OrganizationId == TenantId);
    }
}
