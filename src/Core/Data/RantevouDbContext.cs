using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Rantevou.Core.Accounts;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using BookingEntity = Rantevou.Core.Booking.Booking;
using SlotClaim = Rantevou.Core.Booking.SlotClaim;

namespace Rantevou.Core.Data;

/// <summary>The truth of the office (principle 1): model, bookings, outbox, accounts and the data-protection keys every node shares.</summary>
public class RantevouDbContext(DbContextOptions<RantevouDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Desk> Desks => Set<Desk>();
    public DbSet<DeskService> DeskServices => Set<DeskService>();
    public DbSet<WorkingHours> WorkingHours => Set<WorkingHours>();
    public DbSet<SpecialDay> SpecialDays => Set<SpecialDay>();
    public DbSet<ServiceGroup> ServiceGroups => Set<ServiceGroup>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceDocument> ServiceDocuments => Set<ServiceDocument>();
    public DbSet<BookingEntity> Bookings => Set<BookingEntity>();
    public DbSet<SlotClaim> SlotClaims => Set<SlotClaim>();
    public DbSet<Documents.BookingDocument> BookingDocuments => Set<Documents.BookingDocument>();
    public DbSet<Documents.DocumentCheck> DocumentChecks => Set<Documents.DocumentCheck>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Secret> Secrets => Set<Secret>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<LiveDay.WalkInTicket> WalkInTickets => Set<LiveDay.WalkInTicket>();
    public DbSet<LiveDay.OfficeDay> OfficeDays => Set<LiveDay.OfficeDay>();
    public DbSet<LiveDay.Interruption> Interruptions => Set<LiveDay.Interruption>();
    public DbSet<Statistics.DayFigures> DayFigures => Set<Statistics.DayFigures>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<StaffDesk> StaffDesks => Set<StaffDesk>();
    public DbSet<Devices.Device> Devices => Set<Devices.Device>();
    public DbSet<Devices.DevicePairing> DevicePairings => Set<Devices.DevicePairing>();

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // Instants are stored as UTC and come back marked as UTC.
        b.Properties<DateTime>().HaveConversion<UtcConverter>();
        b.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(RantevouDbContext).Assembly);
        // PostgreSQL folds unquoted names to lower case, and the columns were created quoted in mixed case.
        if (Database.IsNpgsql())
            b.Entity<Documents.DocumentCheck>().ToTable(t => t.HasCheckConstraint("CK_DocumentChecks_Person",
                "(\"BookingId\" IS NULL AND \"TicketId\" IS NOT NULL) OR (\"BookingId\" IS NOT NULL AND \"TicketId\" IS NULL)"));
        // SQLite keeps a DateTime as text, parsed again on every read, and a day's claims are read on every look at a
        // day that changed (R1): there a claim's unit is stored as its ticks, an integer that sorts the same way.
        // PostgreSQL and SQL Server store a timestamp as a number already.
        if (Database.IsSqlite())
            b.Entity<SlotClaim>().Property(c => c.UnitStartUtc).HasConversion<UtcTicksConverter>();
    }

    sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? v.Value.ToUniversalTime() : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
        v => v.ToUniversalTime().Ticks, v => new DateTime(v, DateTimeKind.Utc));
}
