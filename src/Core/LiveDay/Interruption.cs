using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rantevou.Core.Offices;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// R13: one service cut short at a desk because the next scheduled appointment was due, recorded as it happens. The
/// person's own row keeps only their last call, so this is where the statistics find how often desks are interrupted,
/// for which services, and the minutes the desk spent on the interrupted part.
/// </summary>
public sealed class Interruption
{
    public long Id { get; set; }
    public int OfficeId { get; set; }

    /// <summary>The office's local date.</summary>
    public DateOnly Day { get; set; }

    public int DeskId { get; set; }
    public int ServiceId { get; set; }

    /// <summary>A walk-in ticket (R6) rather than an appointment.</summary>
    public bool WalkIn { get; set; }

    /// <summary>When the interrupted service began (the call).</summary>
    public DateTime CalledUtc { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The interrupted person: their booking, or their walk-in ticket, so the statistics can follow what became of them.</summary>
    public Guid? BookingId { get; set; }

    public Guid? TicketId { get; set; }

    /// <summary>The staff account that had called the person: the interrupted minutes count towards that clerk's work.</summary>
    public string? CalledByUserId { get; set; }
}

sealed class InterruptionConfiguration : IEntityTypeConfiguration<Interruption>
{
    public void Configure(EntityTypeBuilder<Interruption> e)
    {
        e.HasIndex(i => new { i.OfficeId, i.Day });
        e.Property(i => i.CalledByUserId).HasMaxLength(450);
        e.HasOne<Office>().WithMany().HasForeignKey(i => i.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
