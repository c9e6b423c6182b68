using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Demo;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Tests.Data;

public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    readonly SqliteDatabase database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();

    static async Task<T> WithDb<T>(IServiceProvider services, Func<RantevouDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RantevouDbContext>());
    }

    static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>EF's own: the applied-migrations history and, since EF Core 9, the SQLite migration lock.</summary>
    static readonly string[] EfTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    [Fact]
    public async Task Prepare_OnAFreshFile_CreatesEveryTableOfTheModel_AndAppliesAllMigrations()
    {
        var services = await database.StartAsync();

        var expected = await WithDb(services, db => Task.FromResult(
            db.Model.GetEntityTypes().Select(t => t.GetTableName()!).Concat(EfTables).Distinct().Order().ToList()));
        var pending = await WithDb(services, db => db.Database.GetPendingMigrationsAsync());
        using var connection = database.Open();
        var tables = Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");

        Assert.Contains("SlotClaims", expected);
        Assert.Equal(expected, tables.Order());
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Prepare_TurnsOnWalJournalMode()
    {
        await database.StartAsync();

        using var connection = database.Open();
        Assert.Equal("wal", Assert.Single(Column(connection, "PRAGMA journal_mode;")));
    }

    [Fact]
    public async Task Prepare_SeedsTheDemoOffice_ServicesInGroups_SixDesks_WeekdaysEightToTwo()
    {
        var services = await database.StartAsync();

        var facts = await WithDb(services, async db => new
        {
            Office = await db.Offices.SingleAsync(o => o.Slug == DemoSeeder.OfficeSlug),
            Services = await db.Services.ToListAsync(),
            Groups = await db.ServiceGroups.CountAsync(),
            Desks = await db.Desks.OrderBy(d => d.Number).ToListAsync(),
            Hours = await db.WorkingHours.OrderBy(h => h.Day).ToListAsync(),
            DeskServices = await db.DeskServices.ToListAsync(),
        });

        Assert.Equal(DemoSeeder.OfficeSlug, facts.Office.Slug);
        Assert.True(facts.Services.Count >= 6, $"{facts.Services.Count} services");
        Assert.True(facts.Groups >= 2, $"{facts.Groups} groups");
        Assert.True(facts.Services.Select(s => s.GroupId).Distinct().Count() >= 2);
        Assert.Equal([1, 2, 3, 4, 5, 6], facts.Desks.Select(d => d.Number));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            facts.Hours.Select(h => h.Day));
        Assert.All(facts.Hours, h => Assert.Equal((new TimeOnly(8, 0), new TimeOnly(14, 0)), (h.Open, h.Close)));
        Assert.All(facts.Services, s => Assert.Contains(facts.DeskServices, ds => ds.ServiceId == s.Id));
    }

    [Fact]
    public async Task Prepare_RunTwice_DuplicatesNothing_AndKeepsTheSecret()
    {
        await database.StartAsync();
        var before = Snapshot();

        await database.StartAsync(); // a restart over the same file
        var after = Snapshot();

        Assert.Equal(before, after);
        Assert.Contains("Services=", before);
    }

    string Snapshot()
    {
        using var connection = database.Open();
        string[] tables = ["Offices", "Desks", "DeskServices", "WorkingHours", "SpecialDays", "ServiceGroups", "Services", "ServiceDocuments", "Secrets", "__EFMigrationsHistory"];
        var counts = tables.Select(t => $"{t}={Column(connection, $"SELECT CAST(COUNT(*) AS TEXT) FROM \"{t}\"").Single()}");
        var secret = Column(connection, "SELECT hex(Value) FROM Secrets WHERE Name = 'booking-tokens'").Single();
        return string.Join(", ", counts) + ", secret=" + secret;
    }

    [Fact]
    public async Task SlotClaimsKey_RejectsASecondClaimOfTheSameDeskAndUnit_AsAUniqueViolation()
    {
        var services = await database.StartAsync();
        var unit = new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc);
        var (deskId, bookingId) = await WithDb(services, async db =>
        {
            var service = await db.Services.FirstAsync();
            var desk = await db.DeskServices.Where(ds => ds.ServiceId == service.Id).Select(ds => ds.DeskId).FirstAsync();
            var booking = new BookingEntity
            {
                Id = Guid.NewGuid(),
                Code = BookingCode.New(),
                OfficeId = service.OfficeId,
                ServiceId = service.Id,
                DeskId = desk,
                StartUtc = unit,
                EndUtc = unit.AddMinutes(5),
                DurationMinutes = 5,
                Status = BookingStatus.Confirmed,
                FullName = "Μαρία Παπαδοπούλου",
                Email = "maria@example.gr",
                Mobile = "+306971234567",
                CreatedUtc = unit.AddDays(-1),
            };
            db.Bookings.Add(booking);
            db.SlotClaims.Add(new SlotClaim { DeskId = desk, UnitStartUtc = unit, BookingId = booking.Id });
            await db.SaveChangesAsync();
            return (desk, booking.Id);
        });

        // Raw SQL: the very same row again.
        using var connection = database.Open();
        using var duplicate = connection.CreateCommand();
        duplicate.CommandText = "INSERT INTO SlotClaims (DeskId, UnitStartUtc, BookingId) SELECT DeskId, UnitStartUtc, BookingId FROM SlotClaims";
        var raw = Assert.Throws<SqliteException>(() => duplicate.ExecuteNonQuery());
        Assert.Equal((19, 1555), (raw.SqliteErrorCode, raw.SqliteExtendedErrorCode)); // SQLITE_CONSTRAINT_PRIMARYKEY

        // Through EF, as BookingService writes claims: the error the API turns into 409.
        var efError = await Assert.ThrowsAsync<DbUpdateException>(() => WithDb(services, db =>
        {
            db.SlotClaims.Add(new SlotClaim { DeskId = deskId, UnitStartUtc = unit, BookingId = bookingId });
            return db.SaveChangesAsync();
        }));
        Assert.True(DbErrors.IsUniqueViolation(efError));

        // The key is the pair: the next unit of the same desk is free.
        await WithDb(services, db =>
        {
            db.SlotClaims.Add(new SlotClaim { DeskId = deskId, UnitStartUtc = unit.AddMinutes(5), BookingId = bookingId });
            return db.SaveChangesAsync();
        });
        Assert.Equal(2, await WithDb(services, db => db.SlotClaims.CountAsync()));
    }
}
