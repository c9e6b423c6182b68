using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Data;

/// <summary>
/// On SQLite a claim's unit is stored as its ticks, so a day's claims are read without parsing dates (R1); the
/// migration converts the claims made before, and back.
/// </summary>
public sealed class SlotClaimUnitsMigrationTests : AppTest
{
    [Fact]
    public async Task Migration_KeepsEveryClaimsDeskAndUnit_BothWays_AndTheClaimsStillRefuseADoubleBooking()
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        var start = (await FreeStartsAsync(service.Id, Wednesday))[3];
        await Http.BookOkAsync(service.Id, start);
        var claims = await ClaimsAsync();
        Assert.NotEmpty(claims);
        Assert.All(await StoredAsync(), s => Assert.Equal("integer", s.Type));

        await MigrateAsync("StatisticsOfFinishedDays");
        var text = await StoredAsync();
        Assert.All(text, s => Assert.Equal("text", s.Type));
        Assert.Equal(claims.Select(c => c.Unit.ToString("yyyy-MM-dd HH:mm:ss")), text.Select(s => s.Value));

        await MigrateAsync(null);
        Assert.All(await StoredAsync(), s => Assert.Equal("integer", s.Type));
        Assert.Equal(claims, await ClaimsAsync());
        Assert.DoesNotContain(start, await FreeStartsAsync(service.Id, Wednesday));
        var again = await Http.BookAsync(service.Id, start, email: "nikos@example.org");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    Task<List<(int Desk, DateTime Unit)>> ClaimsAsync() => Db(async db =>
        (await db.SlotClaims.AsNoTracking().OrderBy(c => c.DeskId).ThenBy(c => c.UnitStartUtc).ToListAsync())
        .Select(c => (c.DeskId, c.UnitStartUtc)).ToList());

    /// <summary>What SQLite holds, in the claims' order: the value's storage class and its text.</summary>
    Task<List<(string Type, string Value)>> StoredAsync() => Db(async db =>
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = """SELECT typeof("UnitStartUtc"), CAST("UnitStartUtc" AS TEXT) FROM "SlotClaims" ORDER BY "DeskId", "UnitStartUtc" """;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    });

    Task MigrateAsync(string? target) => Db(async db =>
    {
        await db.GetService<IMigrator>().MigrateAsync(target);
        return 0;
    });
}
