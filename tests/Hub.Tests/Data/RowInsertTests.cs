using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Data;

/// <summary>
/// <see cref="RowInsert"/> writes a booking, its mail and its claims as SaveChanges would, column for column, and a
/// claim already taken fails it with the violation the booking path tries the next desk on.
/// </summary>
public class RowInsertTests : AppTest
{
    static readonly DateTime Nine = new(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task RowsWrittenInOneCommand_AreStoredColumnForColumn_AsSaveChangesStoresThem()
    {
        var desk = await DeskAsync();
        var (tracked, trackedMail) = Rows(desk, Nine, "TRACKED1");
        var (written, writtenMail) = Rows(desk, Nine.AddHours(1), "WRITTEN1");
        await App.WithDbAsync(db =>
        {
            db.AddRange(tracked, trackedMail);
            db.AddRange(SlotClaim.For(tracked));
            return db.SaveChangesAsync();
        });
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await RowInsert.InsertAsync(db, [written, writtenMail, .. SlotClaim.For(written)], CancellationToken.None);
            await tx.CommitAsync();
            return 0;
        });

        // Every column but the keys and what names the booking or its time is stored the same: converters, enums, nulls.
        string[] own = ["Id", "Code", "BookingId", "StartUtc", "EndUtc", "UnitStartUtc"];
        foreach (var (table, key, a, b) in new[] { ("Bookings", "Id", tracked.Id, written.Id), ("Outbox", "BookingId", tracked.Id, written.Id) })
            Assert.Equal(
                (await RawRowAsync(table, key, a)).Where(c => !own.Contains(c.Key)),
                (await RawRowAsync(table, key, b)).Where(c => !own.Contains(c.Key)));
        var claims = await App.WithDbAsync(db => db.SlotClaims.AsNoTracking().Where(c => c.BookingId == written.Id).OrderBy(c => c.UnitStartUtc).ToListAsync());
        Assert.Equal(SlotClaim.For(written).Select(c => (c.DeskId, c.UnitStartUtc)), claims.Select(c => (c.DeskId, c.UnitStartUtc)));
        var read = await App.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(x => x.Id == written.Id));
        Assert.Equal((written.StartUtc, DateTimeKind.Utc, written.Status, written.ReminderAnswer, written.EmailKey),
            (read.StartUtc, read.StartUtc.Kind, read.Status, read.ReminderAnswer, read.EmailKey));
    }

    [Fact]
    public async Task AClaimAlreadyTaken_FailsAsAUniqueViolation_AndTheRollbackLeavesNoRow()
    {
        var desk = await DeskAsync();
        var (first, firstMail) = Rows(desk, Nine, "FIRST001");
        var (second, secondMail) = Rows(desk, Nine.AddMinutes(10), "SECOND01");
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await RowInsert.InsertAsync(db, [first, firstMail, .. SlotClaim.For(first)], CancellationToken.None);
            await tx.CommitAsync();
            return 0;
        });

        var error = await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            return await Record.ExceptionAsync(() => RowInsert.InsertAsync(db, [second, secondMail, .. SlotClaim.For(second)], CancellationToken.None));
        });

        Assert.True(DbErrors.IsUniqueViolation(error!), error?.ToString());
        Assert.False(await App.WithDbAsync(db => db.Bookings.AnyAsync(b => b.Id == second.Id)));
        Assert.False(await App.WithDbAsync(db => db.Outbox.AnyAsync(m => m.BookingId == second.Id)));
    }

    [Fact]
    public async Task ARowWhoseKeyTheDatabaseWouldGenerate_IsRefused()
    {
        var error = await App.WithDbAsync(db => Record.ExceptionAsync(() =>
            RowInsert.InsertAsync(db, [new Desk { OfficeId = 1, Number = 99, NameEl = "Θυρίδα 99", NameEn = "Desk 99" }], CancellationToken.None)));

        Assert.IsType<InvalidOperationException>(error);
        Assert.False(await App.WithDbAsync(db => db.Desks.AnyAsync(d => d.Number == 99)));
    }

    Task<Desk> DeskAsync() => App.WithDbAsync(db => db.Desks.AsNoTracking().Include(d => d.Services).FirstAsync(d => d.Active && d.Services.Count > 0));

    /// <summary>A confirmed agent booking with most optional columns set, and its mail.</summary>
    static (Core.Booking.Booking, OutboxMessage) Rows(Desk desk, DateTime start, string code)
    {
        var booking = new Core.Booking.Booking
        {
            Id = Guid.CreateVersion7(),
            Code = code,
            OfficeId = desk.OfficeId,
            ServiceId = desk.Services[0].ServiceId,
            DeskId = desk.Id,
            StartUtc = start,
            EndUtc = start.AddMinutes(15),
            DurationMinutes = 15,
            Status = BookingStatus.Confirmed,
            FullName = "Μαρία Παπαδοπούλου",
            Email = "Maria.P+rowinsert@Example.org",
            Mobile = "+306912345678",
            Culture = "en",
            CreatedUtc = new DateTime(2026, 11, 30, 8, 0, 0, DateTimeKind.Utc),
            ConfirmedUtc = new DateTime(2026, 11, 30, 8, 1, 0, DateTimeKind.Utc),
            AgentName = "Σχολή Οδηγών",
            ReminderAnswer = ReminderAnswer.Coming,
            Reschedules = 1,
            Version = 3,
        };
        var mail = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            BookingId = booking.Id,
            Kind = nameof(MailKind.Confirmed),
            ToAddress = booking.Email,
            Subject = "Ραντεβού / Appointment",
            Mime = [1, 2, 3, 0, 255],
            CreatedUtc = booking.CreatedUtc,
            NextAttemptUtc = booking.CreatedUtc,
        };
        return (booking, mail);
    }

    /// <summary>A row as the database holds it: each column's stored value, read without EF.</summary>
    async Task<List<KeyValuePair<string, string>>> RawRowAsync(string table, string key, Guid id) => await App.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT * FROM "{table}" WHERE "{key}" = @id""";
        // The key as EF binds it (SQLite keeps a Guid as text).
        var mapping = db.Model.FindEntityType(typeof(Core.Booking.Booking))!.FindProperty("Id")!.GetRelationalTypeMapping();
        command.Parameters.Add(mapping.CreateParameter(command, "@id", id));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row in {table}");
        return Enumerable.Range(0, reader.FieldCount).Select(i => KeyValuePair.Create(reader.GetName(i), reader.GetValue(i) switch
        {
            byte[] bytes => Convert.ToHexString(bytes),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        })).ToList();
    });
}

[Trait("Database", "PostgreSql")]
public sealed class RowInsertOnPostgresTests : RowInsertTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
