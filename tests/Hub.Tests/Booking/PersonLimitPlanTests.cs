using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Data;
using Rantevou.Hub.Tests.Data;
using Rantevou.Hub.Tests.LiveDay;
using Xunit.Abstractions;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// R12 counts one person's bookings inside every booking's transaction. On SQLite the count must find the person by the
/// email and mobile indexes, not read every booking of the service: that grew with the office's history, and without
/// planner statistics SQLite chose the service's index (<see cref="SqliteStatistics"/>).
/// </summary>
public sealed partial class PersonLimitPlanTests(ITestOutputHelper output) : IAsyncLifetime
{
    const int OthersBookings = 2_000;
    static readonly DateOnly Wednesday = DateOnly.FromDateTime(RantevouApp.DefaultStart.UtcDateTime).AddDays(1);

    readonly CountingApp app = new() { Database = TestDatabase.Sqlite };
    HttpClient http = null!;

    public Task InitializeAsync()
    {
        app.Settings["Rantevou:Limits:NoShowLimit"] = "3";
        http = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task ThePersonsLimitCounts_FindThePersonByEmailAndMobile_InAnOfficeWithAHistory()
    {
        var service = (await http.ServicesAsync()).First();
        var start = (await http.AvailabilityAsync(service.Id, Wednesday))[0].Start;
        app.Counter.Counting = true;
        await http.BookOkAsync(service.Id, start, "person@example.org");
        app.Counter.Counting = false;
        var counts = Assert.Single(app.Counter.Statements, s => s.Sql.Contains("\"ConfigVersion\"") && s.Sql.Contains("\"EmailKey\""));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        await AddOthersBookingsAsync(db, OthersBookings);
        // What the statistics job does every minute (and each start).
        Assert.True(await SqliteStatistics.RefreshAsync(db, scope.ServiceProvider.GetRequiredService<WriteGate>(), default));

        var plan = await PlanAsync(db, counts.Sql);
        output.WriteLine(string.Join('\n', plan));
        // The person's rows are read once, through both keys (the three counts are made from them), and nothing walks a
        // wider index.
        Assert.Equal(1, plan.Count(p => p.Contains("MULTI-INDEX OR", StringComparison.Ordinal)));
        Assert.Equal(1, plan.Count(p => p.Contains("USING INDEX IX_Bookings_EmailKey (EmailKey=?)", StringComparison.Ordinal)));
        Assert.Equal(1, plan.Count(p => p.Contains("USING INDEX IX_Bookings_Mobile (Mobile=?)", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, p => p.Contains("IX_Bookings_ServiceId", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("IX_Bookings_Status_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheStatistics_AreLeftAlone_WhenNothingGrew()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        var gate = scope.ServiceProvider.GetRequiredService<WriteGate>();
        await AddOthersBookingsAsync(db, 500);
        Assert.True(await SqliteStatistics.RefreshAsync(db, gate, default));

        Assert.False(await SqliteStatistics.RefreshAsync(db, gate, default));
    }

    /// <summary>Copies of the office's first booking made by other people: an office's history, without their claims.</summary>
    static async Task AddOthersBookingsAsync(RantevouDbContext db, int count)
    {
        var columns = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Bookings')").ToListAsync();
        var made = new Dictionary<string, string>
        {
            ["Id"] = "printf('00000000-0000-4000-8000-%012d', n)",
            ["Code"] = "printf('H%07d', n)",
            ["Email"] = "printf('other%d@example.org', n)",
            ["EmailKey"] = "printf('other%d@example.org', n)",
            ["Mobile"] = "printf('+3069%08d', n)",
        };
        var select = string.Join(", ", columns.Select(c => made.GetValueOrDefault(c, $"\"{c}\"")));
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        // Column names from the schema and a constant count: nothing from outside the test goes into the text.
        var insert =
            $"WITH RECURSIVE others(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM others WHERE n < {count}) "
            + $"INSERT INTO \"Bookings\" ({list}) SELECT {select} FROM others, (SELECT * FROM \"Bookings\" LIMIT 1)";
        await db.Database.ExecuteSqlRawAsync(insert);
    }

    /// <summary>SQLite's plan for the statement, from a connection opened now; its parameters unset (the plan does not read them).</summary>
    static async Task<List<string>> PlanAsync(RantevouDbContext db, string sql)
    {
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
            command.Parameters.AddWithValue(name, DBNull.Value);
        return await QueryPlan.ReadAsync(command);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();
}
