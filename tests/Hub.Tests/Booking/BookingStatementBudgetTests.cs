using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Rantevou.Contracts.Agents;
using Rantevou.Hub.Tests.LiveDay;
using Xunit.Abstractions;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// The booking path near the floor: one booking without an Idempotency-Key sends at most
/// <see cref="TransactionBudget"/> statements inside its transaction (counted with an EF command interceptor), and
/// reads neither the office nor the service once the node holds them (ADR 0016).
/// </summary>
public class BookingStatementBudgetTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The booking transaction's budget: limits, the inserts in one command and, for a booking of today, the day's version.</summary>
    public const int TransactionBudget = 4;

    static readonly DateOnly Today = DateOnly.FromDateTime(RantevouApp.DefaultStart.UtcDateTime);
    static readonly DateOnly Wednesday = Today.AddDays(1);

    protected virtual TestDatabase Database => TestDatabase.Sqlite;

    protected CountingApp App { get; private set; } = null!;
    HttpClient http = null!;

    public Task InitializeAsync()
    {
        App = new CountingApp { Database = Database };
        // The no-show pause on, as a new office has it by default, so its count is in the transaction too.
        App.Settings["Rantevou:Limits:NoShowLimit"] = "3";
        http = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task BookingOfAnotherDay_StaysWithinTheBudget_AndReadsNoOfficeOrService()
    {
        var statements = await MeasureSecondBookingAsync(Wednesday);

        Assert.InRange(statements.Count(s => s.InTransaction), 1, TransactionBudget);
        Assert.DoesNotContain(statements, s => s.Sql.Contains("\"Offices\"") && !s.InTransaction);
        Assert.DoesNotContain(statements, s => s.Sql.Contains("FROM \"Services\""));
        Assert.DoesNotContain(statements, s => s.Sql.Contains("\"WorkingHours\""));
    }

    [Fact]
    public async Task BookingOfToday_WithTheDaysVersion_StaysWithinTheBudget()
    {
        var statements = await MeasureSecondBookingAsync(Today);

        Assert.Contains(statements, s => s.InTransaction && s.Sql.Contains("\"OfficeDays\""));
        Assert.InRange(statements.Count(s => s.InTransaction), 1, TransactionBudget);
    }

    [Fact]
    public async Task AgentBookingForACitizen_CountsTheQuotaWithThePersonsLimits_WithinTheBudget()
    {
        var agent = (await Clerk.LoginAsync(App, "agent@example.org")).Http;
        var statements = await MeasureSecondBookingAsync(Wednesday, async (serviceId, start, n) =>
        {
            var citizen = new CitizenDetails("Κώστας Ιωάννου", $"citizen{n}@example.org", $"694555555{n}");
            var answer = await agent.PostAsJsonAsync("/api/agent/bookings", new AgentBookingRequest(serviceId, start.ToString("O"), citizen));
            answer.EnsureSuccessStatusCode();
        });

        // R12: the agent's quota and the citizen's limits, one statement inside the transaction.
        Assert.Single(statements, s => s.InTransaction && s.Sql.Contains("DailyQuota") && s.Sql.Contains("EmailKey"));
        Assert.InRange(statements.Count(s => s.InTransaction), 1, TransactionBudget);
    }

    [Fact]
    public async Task AvailabilityLookAtADayAlreadyRead_IsOneStatement_TheOfficesVersion()
    {
        var service = (await http.ServicesAsync()).First();
        var first = await http.AvailabilityAsync(service.Id, Wednesday);

        App.Counter.Clear();
        App.Counter.Counting = true;
        var again = await http.AvailabilityAsync(service.Id, Wednesday);
        App.Counter.Counting = false;

        Assert.Equal(first, again);
        var statement = Assert.Single(App.Counter.Statements);
        Assert.Contains("ConfigVersion", statement.Sql);
        Assert.DoesNotContain("SlotClaims", statement.Sql);
    }

    [Fact]
    public async Task ServicesListedAgain_IsOneStatement_TheOffice()
    {
        static IEnumerable<string> Shown(List<Contracts.Booking.ServiceDto> list) =>
            list.Select(s => $"{s.Id} {s.Name} {s.Group} {s.DurationMinutes} {string.Join("|", s.Documents)}");
        var first = await http.ServicesAsync();

        App.Counter.Clear();
        App.Counter.Counting = true;
        var again = await http.ServicesAsync();
        App.Counter.Counting = false;

        Assert.NotEmpty(first);
        Assert.Equal(Shown(first), Shown(again));
        var statement = Assert.Single(App.Counter.Statements);
        Assert.Contains("\"Offices\"", statement.Sql);
    }

    /// <summary>A first booking warms what a node keeps between bookings; the second is the one counted.</summary>
    async Task<IReadOnlyList<Statement>> MeasureSecondBookingAsync(DateOnly day, Func<int, DateTimeOffset, int, Task>? book = null)
    {
        book ??= (serviceId, start, n) => http.BookOkAsync(serviceId, start, $"person{n}@example.org");
        var service = (await http.ServicesAsync()).First();
        var starts = await http.AvailabilityAsync(service.Id, day);
        await book(service.Id, starts[0].Start, 1);

        App.Counter.Clear();
        App.Counter.Counting = true;
        await book(service.Id, starts[^1].Start, 2);
        App.Counter.Counting = false;

        var statements = App.Counter.Statements;
        foreach (var s in statements)
            output.WriteLine($"{(s.InTransaction ? "[tx] " : "     ")}{s.Sql.ReplaceLineEndings(" ")}");
        output.WriteLine($"total {statements.Count}, in the transaction {statements.Count(s => s.InTransaction)}");
        return statements;
    }
}

/// <summary>The same budget on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class BookingStatementBudgetTestsOnPostgres(ITestOutputHelper output) : BookingStatementBudgetTests(output)
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
