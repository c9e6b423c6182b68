using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Privacy;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Privacy;

public class RetentionTests : IDisposable
{
    readonly RantevouApp app;

    public RetentionTests()
        : this(TestDatabase.Sqlite)
    {
    }

    protected RetentionTests(TestDatabase database) => app = new RantevouApp { Database = database };

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Retention_ErasesPersonalData_OfOldBookingsOnly_AndKeepsUnsentMail()
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        var old = await http.BookOkAsync(service.Id, (await http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2))).First().Start, "old@example.org");
        Assert.Equal(1, await app.DispatchMailAsync());
        // R7: an agent's note may name a pupil; it goes with the rest.
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == old.Code).ExecuteUpdateAsync(u => u.SetProperty(b => b.AgentNote, "Μαθητής Γ. Π.")));

        app.Clock.Advance(TimeSpan.FromDays(182));
        var fresh = await http.BookOkAsync(service.Id, (await http.AvailabilityAsync(service.Id, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(3))).First().Start, "new@example.org");

        Assert.Equal(1, await AnonymiseAsync());
        Assert.Equal(0, await AnonymiseAsync());

        var (oldRow, freshRow, oldMail, freshMail) = await app.WithDbAsync(async db => (
            await db.Bookings.SingleAsync(b => b.Code == old.Code),
            await db.Bookings.SingleAsync(b => b.Code == fresh.Code),
            await db.Outbox.SingleAsync(m => m.ToAddress == Retention.Erased),
            await db.Outbox.SingleAsync(m => m.ToAddress == "new@example.org")));
        Assert.Equal((Retention.Erased, Retention.Erased, Retention.Erased, null), (oldRow.FullName, oldRow.Email, oldRow.Mobile, oldRow.AgentNote));
        // The indexed lookup key of the email (R12 limits) goes with the address itself.
        Assert.Equal(0, await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.EmailKey == "old@example.org")));
        Assert.NotNull(oldRow.AnonymisedUtc);
        Assert.Empty(oldMail.Mime);
        Assert.Equal("new@example.org", freshRow.Email);
        Assert.Null(freshMail.SentUtc);
        Assert.NotEmpty(freshMail.Mime);
    }

    async Task<int> AnonymiseAsync()
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<Retention>().AnonymiseAsync(CancellationToken.None);
    }
}

/// <summary>The same erasure on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class RetentionTestsOnPostgres() : RetentionTests(TestDatabase.PostgreSql);
