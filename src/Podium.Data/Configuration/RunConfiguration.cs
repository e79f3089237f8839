using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Podium.Data.Entities;

namespace Podium.Data.Configuration;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> b)
    {
        // The column keeps the name it was created with.
        b.Property(e => e.PublicId).HasColumnName("RunId").HasMaxLength(33);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(e => e.RunMode).HasMaxLength(16);
        b.Property(e => e.Objective).HasMaxLength(10000);
        b.Property(e => e.Schedule).HasMaxLength(4000);
        b.Property(e => e.Filters).HasMaxLength(4000);
        b.Property(e => e.IdempotencyKey).HasMaxLength(255);
        b.Property(e => e.RequestHash).HasMaxLength(32);
        b.HasIndex(e => e.PublicId).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.IdempotencyKey }).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.SpaceId, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.SpaceId, e.Status, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.AgentId, e.Id });
        b.HasOne(e => e.Space).WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Agent).WithMany().HasForeignKey(e => e.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(e => e.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunTaskConfiguration : IEntityTypeConfiguration<RunTask>
{
    public void Configure(EntityTypeBuilder<RunTask> b)
    {
        b.Property(e => e.PublicId).HasColumnName("TaskId").HasMaxLength(33);
        b.Property(e => e.DocumentId).HasMaxLength(255);
        b.Property(e => e.RefId).HasMaxLength(255);
        b.Property(e => e.Input).HasMaxLength(ColumnLengths.TaskInput);
        b.Property(e => e.Output).HasMaxLength(ColumnLengths.TaskOutput);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.ExecutionType).HasConversion<string>().HasMaxLength(16);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.RecipientTimeZone).HasMaxLength(64);
        b.Property(e => e.FromNumber).HasMaxLength(20);
        b.Property(e => e.LeaseOwner).HasMaxLength(128);
        b.Property(e => e.LastFailureReason).HasMaxLength(ColumnLengths.FailureReason);
        b.Property(e => e.Outcome).HasMaxLength(ColumnLengths.Outcome);
        b.Property(e => e.Disposition).HasMaxLength(ColumnLengths.Disposition);
        b.HasIndex(e => e.PublicId).IsUnique();
        b.HasIndex(e => new { e.OrganizationId, e.SpaceId, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.SpaceId, e.Status, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.RunId, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.AgentId, e.Id });
        // The engine's own indexes span tenants: it finds due work and live leases server-wide.
        b.HasIndex(e => new { e.RunId, e.Status });
        b.HasIndex(e => new { e.Status, e.DueAt });
        b.HasIndex(e => new { e.Status, e.LeaseExpiresAt });
        b.HasOne(e => e.Run).WithMany().HasForeignKey(e => e.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agent>().WithMany().HasForeignKey(e => e.AgentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Space>().WithMany().HasForeignKey(e => e.SpaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskAttemptConfiguration : IEntityTypeConfiguration<TaskAttempt>
{
    public void Configure(EntityTypeBuilder<TaskAttempt> b)
    {
        b.Property(e => e.Node).HasMaxLength(128);
        b.Property(e => e.Outcome).HasMaxLength(ColumnLengths.Outcome);
        b.Property(e => e.Error).HasMaxLength(ColumnLengths.FailureReason);
        b.Property(e => e.CallId).HasMaxLength(40);
        b.Property(e => e.CallerNumber).HasMaxLength(20);
        b.Property(e => e.EndReason).HasMaxLength(ColumnLengths.EndReason);
        b.Property(e => e.ProviderCallId).HasMaxLength(128);
        b.HasIndex(e => new { e.OrganizationId, e.TaskId, e.Number });
        // A provider's event names its call: found by configuration and the provider's id; pacing counts a configuration's open calls.
        b.HasIndex(e => new { e.ProviderConfigurationId, e.ProviderCallId });
        b.HasIndex(e => new { e.ProviderConfigurationId, e.FinishedAt, e.StartedAt });
        // Call logs: one organization's finished calls, newest first.
        b.HasIndex(e => new { e.OrganizationId, e.StartedAt, e.Id });
        b.HasIndex(e => new { e.OrganizationId, e.BillingPeriod });
        b.HasOne<Bridge>().WithMany().HasForeignKey(e => e.BridgeId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<ProviderConfiguration>().WithMany().HasForeignKey(e => e.ProviderConfigurationId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(e => e.Task).WithMany().HasForeignKey(e => e.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}
