using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;
using SlotClaim = Rantevou.Core.Booking.SlotClaim;

namespace Rantevou.Core.Data;

sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> e)
    {
        e.HasIndex(o => o.Slug).IsUnique();
        e.Property(o => o.Slug).HasMaxLength(64);
        e.Property(o => o.NameEl).HasMaxLength(200);
        e.Property(o => o.NameEn).HasMaxLength(200);
        e.Property(o => o.TimeZoneId).HasMaxLength(64);
        e.Ignore(o => o.TimeZone);
        e.HasMany(o => o.Desks).WithOne().HasForeignKey(d => d.OfficeId);
        e.HasMany(o => o.Hours).WithOne().HasForeignKey(h => h.OfficeId);
        e.HasMany(o => o.SpecialDays).WithOne().HasForeignKey(s => s.OfficeId);
        // Offices that existed before reminders get them on, at noon; the application always writes its own value.
        e.Property(o => o.RemindersOn).HasDefaultValue(true).ValueGeneratedNever();
        e.Property(o => o.ReminderTime).HasDefaultValue(Office.DefaultReminderTime).ValueGeneratedNever();
    }
}

sealed class DeskConfiguration : IEntityTypeConfiguration<Desk>
{
    public void Configure(EntityTypeBuilder<Desk> e)
    {
        e.HasIndex(d => new { d.OfficeId, d.Number }).IsUnique();
        e.Property(d => d.NameEl).HasMaxLength(Desk.NameMaxLength);
        e.Property(d => d.NameEn).HasMaxLength(Desk.NameMaxLength);
        e.HasMany(d => d.Services).WithOne().HasForeignKey(s => s.DeskId);
    }
}

sealed class DeskServiceConfiguration : IEntityTypeConfiguration<DeskService>
{
    public void Configure(EntityTypeBuilder<DeskService> e)
    {
        e.HasKey(x => new { x.DeskId, x.ServiceId });
        e.HasOne(x => x.Service).WithMany().HasForeignKey(x => x.ServiceId);
    }
}

sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> e) =>
        e.HasIndex(h => new { h.OfficeId, h.ValidFrom, h.Day }).IsUnique();
}

sealed class SpecialDayConfiguration : IEntityTypeConfiguration<SpecialDay>
{
    public void Configure(EntityTypeBuilder<SpecialDay> e)
    {
        e.HasIndex(s => new { s.OfficeId, s.Date }).IsUnique();
        e.Property(s => s.NameEl).HasMaxLength(200);
        e.Property(s => s.NameEn).HasMaxLength(200);
    }
}

sealed class ServiceGroupConfiguration : IEntityTypeConfiguration<ServiceGroup>
{
    public void Configure(EntityTypeBuilder<ServiceGroup> e)
    {
        e.Property(g => g.NameEl).HasMaxLength(200);
        e.Property(g => g.NameEn).HasMaxLength(200);
        e.HasMany(g => g.Services).WithOne(s => s.Group).HasForeignKey(s => s.GroupId);
        e.HasOne<Office>().WithMany().HasForeignKey(g => g.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> e)
    {
        e.Property(s => s.NameEl).HasMaxLength(300);
        e.Property(s => s.NameEn).HasMaxLength(300);
        e.HasMany(s => s.Documents).WithOne().HasForeignKey(d => d.ServiceId);
        e.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class ServiceDocumentConfiguration : IEntityTypeConfiguration<ServiceDocument>
{
    public void Configure(EntityTypeBuilder<ServiceDocument> e)
    {
        e.Property(d => d.TextEl).HasMaxLength(500);
        e.Property(d => d.TextEn).HasMaxLength(500);
    }
}

sealed class BookingConfiguration : IEntityTypeConfiguration<BookingEntity>
{
    public void Configure(EntityTypeBuilder<BookingEntity> e)
    {
        e.HasIndex(b => b.Code).IsUnique();
        e.HasIndex(b => new { b.OfficeId, b.StartUtc });
        e.HasIndex(b => new { b.Status, b.HoldUntilUtc });
        e.Property(b => b.Code).HasMaxLength(16);
        e.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(b => b.FullName).HasMaxLength(200);
        e.Property(b => b.Email).HasMaxLength(254);
        e.Property(b => b.Mobile).HasMaxLength(20);
        e.Property(b => b.Culture).HasMaxLength(5);
        e.Property(b => b.StatusReason).HasMaxLength(500);
        e.Property(b => b.AgentId).HasMaxLength(450);
        e.Property(b => b.AgentName).HasMaxLength(200);
        e.Property(b => b.AgentNote).HasMaxLength(Booking.AgentContext.NoteMaxLength);
        e.Property(b => b.CalledByUserId).HasMaxLength(450);
        e.HasIndex(b => new { b.AgentId, b.CreatedUtc });
        // R12 per-person limits look a person up by email or mobile on every booking.
        e.Property(b => b.EmailKey).HasMaxLength(254).HasDefaultValue("");
        e.HasIndex(b => b.EmailKey);
        e.HasIndex(b => b.Mobile);
        e.HasIndex(b => new { b.OfficeId, b.Status, b.StartUtc });
        // The statistics count the bookings made in a period.
        e.HasIndex(b => new { b.OfficeId, b.CreatedUtc });
        e.Property(b => b.Version).IsConcurrencyToken();
        e.Property(b => b.ReminderAnswer).HasConversion<string>().HasMaxLength(16);
        e.Ignore(b => b.IsActive);
        e.HasOne<Office>().WithMany().HasForeignKey(b => b.OfficeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(b => b.ServiceId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Desk>().WithMany().HasForeignKey(b => b.DeskId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class SlotClaimConfiguration : IEntityTypeConfiguration<SlotClaim>
{
    public void Configure(EntityTypeBuilder<SlotClaim> e)
    {
        // The guarantee against double booking: one row per desk and time unit.
        e.HasKey(c => new { c.DeskId, c.UnitStartUtc });
        e.HasIndex(c => c.BookingId);
        e.HasOne<BookingEntity>().WithMany().HasForeignKey(c => c.BookingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Desk>().WithMany().HasForeignKey(c => c.DeskId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        // The sender's query (unsent and due, oldest first, 20 at a time) is answered from this index alone. From the
        // table, it read every unsent row at each batch, and each row holds its mail (about 5 KB) before these columns:
        // with a backlog of 1,820 mails one batch's query took 3.2 ms of CPU, 0.03 ms from the index.
        e.HasIndex(m => new { m.SentUtc, m.CreatedUtc, m.NextAttemptUtc, m.LockedUntilUtc, m.Id });
        e.Property(m => m.Kind).HasMaxLength(40);
        e.Property(m => m.ToAddress).HasMaxLength(254);
        e.Property(m => m.Subject).HasMaxLength(400);
        e.Property(m => m.LastError).HasMaxLength(2000);
    }
}

sealed class SecretConfiguration : IEntityTypeConfiguration<Secret>
{
    public void Configure(EntityTypeBuilder<Secret> e)
    {
        e.HasKey(s => s.Name);
        e.Property(s => s.Name).HasMaxLength(64);
    }
}

sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.HasKey(r => r.Key);
        e.Property(r => r.Key).HasMaxLength(128);
        e.Property(r => r.RequestHash).HasMaxLength(64);
        e.Property(r => r.Location).HasMaxLength(400);
    }
}

sealed class WalkInTicketConfiguration : IEntityTypeConfiguration<LiveDay.WalkInTicket>
{
    public void Configure(EntityTypeBuilder<LiveDay.WalkInTicket> e)
    {
        e.HasIndex(t => new { t.OfficeId, t.Day, t.Number }).IsUnique();
        e.HasIndex(t => t.Code).IsUnique();
        e.Property(t => t.Code).HasMaxLength(16);
        e.Property(t => t.Priority).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(t => t.CalledByUserId).HasMaxLength(450);
        e.Property(t => t.Version).IsConcurrencyToken();
        e.Ignore(t => t.Label);
        e.HasOne<Office>().WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Service>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

sealed class DayFiguresConfiguration : IEntityTypeConfiguration<Statistics.DayFigures>
{
    public void Configure(EntityTypeBuilder<Statistics.DayFigures> e)
    {
        e.HasKey(d => new { d.OfficeId, d.Day });
        e.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class OfficeDayConfiguration : IEntityTypeConfiguration<LiveDay.OfficeDay>
{
    public void Configure(EntityTypeBuilder<LiveDay.OfficeDay> e)
    {
        e.HasKey(d => new { d.OfficeId, d.Day });
        e.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
