using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rantevou.Core.LiveDay;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.Documents;

/// <summary>
/// R10: a required document a clerk ticked on the checklist of the person at the desk — a booking or a walk-in ticket —
/// with who ticked it and when. One row per ticked document; unticking deletes it (the audit log keeps both, R12).
/// </summary>
public sealed class DocumentCheck
{
    public long Id { get; set; }
    public Guid? BookingId { get; set; }
    public Guid? TicketId { get; set; }

    /// <summary>
    /// The document's place in the service's list. Not a ServiceDocument id: an admin's edit of the list (R11) replaces
    /// those rows, and a tick must neither block the edit nor vanish with it.
    /// </summary>
    public int DocumentIndex { get; set; }

    /// <summary>What was ticked (the Greek text at the time): a tick counts only while the list still says the same.</summary>
    public required string DocumentText { get; set; }

    /// <summary>The id of the staff account that ticked it.</summary>
    public required string CheckedBy { get; set; }

    public DateTime CheckedUtc { get; set; }
}

sealed class DocumentCheckConfiguration : IEntityTypeConfiguration<DocumentCheck>
{
    public void Configure(EntityTypeBuilder<DocumentCheck> e)
    {
        // Exactly one of booking and ticket: the person at the desk is one or the other.
        e.ToTable("DocumentChecks", t => t.HasCheckConstraint("CK_DocumentChecks_Person",
            "(BookingId IS NULL AND TicketId IS NOT NULL) OR (BookingId IS NOT NULL AND TicketId IS NULL)"));
        // One tick per document per person: a second tick (two tabs, a retry) finds the first.
        e.HasIndex(c => new { c.BookingId, c.DocumentIndex }).IsUnique();
        e.HasIndex(c => new { c.TicketId, c.DocumentIndex }).IsUnique();
        e.Property(c => c.DocumentText).HasMaxLength(500);
        e.Property(c => c.CheckedBy).HasMaxLength(450);
        e.HasOne<BookingEntity>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<WalkInTicket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
