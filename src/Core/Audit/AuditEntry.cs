using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rantevou.Core.Audit;

/// <summary>
/// R12: one action of a member of staff or an agent — who, what, on what, when, from where, and how it ended.
/// GDPR: the only person named is the actor; the target is a booking code, a desk, a service, a date or an account id,
/// never a citizen's name or email.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>When the action finished (UTC, from the injected clock).</summary>
    public DateTime AtUtc { get; set; }

    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";

    /// <summary>Admin, Clerk or Agent: the strongest role the actor held at the time.</summary>
    public string ActorRole { get; set; } = "";

    /// <summary>A stable dotted key, e.g. <c>desk.call-next</c>, <c>booking.void</c>, <c>admin.service.update</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What the action was on, as the route names it (booking code, desk id, service id, date, account id); null when the office as a whole.</summary>
    public string? Target { get; set; }

    /// <summary>The HTTP status answered; for a hub method, 200 when it returned and 409/400 when it refused.</summary>
    public int Status { get; set; }

    public AuditOutcome Outcome { get; set; }

    /// <summary>Api, Page or Hub: how the action came in.</summary>
    public AuditChannel Channel { get; set; }

    public string? ClientIp { get; set; }

    /// <summary>For a refused or failed action, the stable code of the problem answered (a message key), when there was one.</summary>
    public string? Reason { get; set; }
}

public enum AuditOutcome
{
    Succeeded,

    /// <summary>Refused by a rule or by bad input (4xx, or a page form answered with errors): a refused attempt counts too (R12).</summary>
    Refused,

    /// <summary>The server failed (5xx or an exception).</summary>
    Failed,

    /// <summary>Nothing done yet: the change would cancel bookings or close today, and the admin was asked to confirm (R11).</summary>
    Asked,
}

public enum AuditChannel
{
    Api,
    Page,
    Hub,
}

sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.Property(a => a.ActorId).HasMaxLength(450);
        e.Property(a => a.ActorName).HasMaxLength(256);
        e.Property(a => a.ActorRole).HasMaxLength(16);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.Target).HasMaxLength(128);
        e.Property(a => a.ClientIp).HasMaxLength(45);
        e.Property(a => a.Reason).HasMaxLength(64);
        e.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.Channel).HasConversion<string>().HasMaxLength(8);
        // Searches are newest first, by date range and by actor; retention deletes by time.
        e.HasIndex(a => a.AtUtc);
        e.HasIndex(a => new { a.ActorId, a.AtUtc });
        e.HasIndex(a => new { a.Action, a.AtUtc });
    }
}
