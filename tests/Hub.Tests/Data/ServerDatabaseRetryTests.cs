using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Data;

/// <summary>
/// ADR 0011: on PostgreSQL a day change that loses a serialization conflict or a deadlock is run again whole by the
/// execution strategy. The conflicts are real: a second connection holds the office day's row while the server's
/// transaction runs into it, and the server's own log shows the error the retry answered.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed class ServerDatabaseRetryTests : LiveDayTest
{
    static readonly DateOnly Tuesday = new(2026, 12, 1);

    protected override TestDatabase Database => TestDatabase.PostgreSql;

    [Fact]
    public async Task Booking_ThatHitsASerializationFailure_IsRetried_201_WithOneMailAndOneEvent()
    {
        var service = (await Http.ServicesAsync()).First();
        var starts = await Http.AvailabilityAsync(service.Id, Tuesday);
        // A first booking of today makes the day's row, which every change of today bumps.
        Assert.Equal(HttpStatusCode.Created, (await Http.BookAsync(service.Id, starts[^1].Start, email: "first@example.org")).StatusCode);
        var version = await VersionAsync();

        await using var other = await OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        await ExecuteAsync(other, "UPDATE \"OfficeDays\" SET \"LastTicket\" = \"LastTicket\"");
        var booking = Http.BookAsync(service.Id, starts[^2].Start, email: "second@example.org");
        await UntilWaitingForALockAsync();
        // The booking's serializable transaction began before this commit and now meets the row it changed: 40001.
        await tx.CommitAsync();
        var response = await booking;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("could not serialize access due to concurrent update", ServerLog());
        Assert.Equal(2, await App.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await App.WithDbAsync(db => db.Outbox.CountAsync(m => m.ToAddress == "second@example.org")));
        Assert.Equal(version + 1, await VersionAsync());
    }

    [Fact]
    public async Task CallNext_ThatIsChosenAsADeadlockVictim_IsRetried_AndCallsThePersonOnce()
    {
        await OnlyDesksAsync(1);
        var desk = await DeskIdAsync(1);
        var booked = await BookAsync(await ServiceAsync("Duplicate driving licence"), Wed(9, 0), "waiting");
        At(8, 50);
        await ScanAsync(booked.Qr);
        At(9, 0);
        var clerk = await ClerkAsync();
        var version = await VersionAsync();

        await using var other = await OpenAsync();
        await using var tx = await other.BeginTransactionAsync();
        // The other side waits longer before it looks for deadlocks, so the server's transaction is the one chosen.
        await ExecuteAsync(other, "SET LOCAL deadlock_timeout = '30s'");
        await ExecuteAsync(other, "UPDATE \"OfficeDays\" SET \"LastTicket\" = \"LastTicket\"");
        var call = clerk.PostAsync(desk, "call-next");
        await UntilWaitingForALockAsync();
        // The call holds the booking's row and waits for the day's row; this waits for the booking's row: 40P01.
        await ExecuteAsync(other, $"UPDATE \"Bookings\" SET \"Version\" = \"Version\" WHERE \"Id\" = '{booked.Id}'");
        await tx.CommitAsync();
        var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(booked.Label, (await response.Content.ReadFromJsonAsync<CalledPerson>())!.Label);
        Assert.Contains("deadlock detected", ServerLog());
        Assert.Equal(BookingStatus.Called, await StatusAsync(booked));
        Assert.Equal(version + 1, await VersionAsync());
    }

    [Fact]
    public async Task Booking_ThatLosesEveryRetry_Is409Contention_WithRetryAfter_AndBooksNothing_NeverA500()
    {
        var service = (await Http.ServicesAsync()).First();
        var start = (await Http.AvailabilityAsync(service.Id, Tuesday))[^1].Start;
        // Every attempt meets a serialization failure, as under a burst that keeps deciding against the same request.
        await using (var db = await OpenAsync())
        {
            await ExecuteAsync(db, """
                CREATE FUNCTION always_conflict() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'forced conflict' USING ERRCODE = '40001'; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER always_conflict BEFORE INSERT ON "Bookings" FOR EACH ROW EXECUTE FUNCTION always_conflict();
                """);
        }

        foreach (var language in ProblemAssert.Languages)
        {
            var request = ProblemAssert.Request(language, HttpMethod.Post, "/api/bookings");
            request.Content = JsonContent.Create(new { serviceId = service.Id, start = start.ToString("O"), fullName = "Μαρία Π.", email = "m@example.org", mobile = "6941234567" });
            var response = await App.CreateClient().SendAsync(request);
            Assert.Equal("1", response.Headers.RetryAfter?.ToString());
            await ProblemAssert.IsAsync(response, HttpStatusCode.Conflict, MessageKeys.Contention, language);
        }
        Assert.Equal(0, await App.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    string ServerLog() => PostgresServer.Shared.LogOf(App.PostgresConnection!);

    async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(App.PostgresConnection + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Until a session of the test's database waits for a row lock (the server's transaction has reached the held row).</summary>
    async Task UntilWaitingForALockAsync()
    {
        await using var watcher = await OpenAsync();
        for (var i = 0; i < 300; i++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watcher);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException("the server's transaction never waited for the held row");
    }
}
