using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Hub.Notifications;

namespace Rantevou.TestKit;

/// <summary>The database a test app runs on.</summary>
public enum TestDatabase
{
    /// <summary>A SQLite file in the app's data folder (the embedded default).</summary>
    Sqlite,

    /// <summary>A database of its own on the process's <see cref="PostgresServer"/>, dropped with the app.</summary>
    PostgreSql,
}

/// <summary>
/// The whole server in the test process over a real SQLite file in a temporary folder (or a PostgreSQL database, see
/// <see cref="Database"/>), with a fake clock.
/// Hangfire's server is off: tests run the jobs themselves (<see cref="DispatchMailAsync"/>), so every step is deterministic.
/// </summary>
public class RantevouApp : WebApplicationFactory<Program>
{
    /// <summary>Tuesday 1 December 2026, 08:00 in Athens: a working day with the whole office day ahead.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    public RantevouApp()
        : this(NewDataDir(), new FakeTimeProvider(DefaultStart))
    {
    }

    /// <summary>A server over an existing data folder and clock: a restart of an earlier app (set <see cref="KeepData"/> on that one).</summary>
    public RantevouApp(string dataDir, FakeTimeProvider clock)
    {
        DataDir = dataDir;
        Clock = clock;
    }

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "rantevou-tests", Guid.NewGuid().ToString("N"));

    public FakeTimeProvider Clock { get; }
    public string DataDir { get; }

    /// <summary>Leave the data folder on disposal, for a restarted app to open.</summary>
    public bool KeepData { get; set; }

    public SmtpTestServer? Smtp { get; init; }

    public TestDatabase Database { get; init; }

    /// <summary>The PostgreSQL database's connection string, once the app has started on one.</summary>
    public string? PostgresConnection { get; private set; }
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>
    /// Start a new database as a copy of the process's prepared one for this clock instant and these settings
    /// (<see cref="SeededTemplates"/>) instead of migrating and seeding it here. Off makes the start do it all
    /// itself, as a real first start does; a subclass that changes what the seed reads other than through
    /// <see cref="Settings"/> turns it off.
    /// </summary>
    public bool FromTemplate { get; init; } = true;

    /// <summary>
    /// Hash passwords with Identity's own cost (PBKDF2, 100 000 rounds, about 100 ms a sign-in) instead of
    /// <see cref="TestPasswordRounds"/>. Only a test that times the password check needs it; every other sign-in of the
    /// suite would spend that time on nothing it checks. The server's code is the same either way: only the rounds differ.
    /// </summary>
    public bool RealPasswordHashing { get; init; }

    /// <summary>The password hash's rounds in tests: the same algorithm and format as Identity's, a thousandth of its cost.</summary>
    public const int TestPasswordRounds = 100;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDir);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Rantevou:DataDir", DataDir);
        if (Database == TestDatabase.PostgreSql)
        {
            PostgresConnection = StartsFromTemplate
                ? SeededTemplates.CreatePostgres(Clock.GetUtcNow(), Settings, RealPasswordHashing)
                : PostgresServer.Shared.CreateDatabase();
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Rantevou", PostgresConnection);
        }
        // The tests sign in as the demo accounts; outside Development they exist only when asked for.
        builder.UseSetting("Rantevou:SeedDemo", "true");
        builder.UseSetting("Rantevou:Jobs:Enabled", "false");
        // Likewise the expiry scheduler (R5): tests expire by hand, except the scheduler's own tests, which turn it on.
        builder.UseSetting("Rantevou:Expiry:Enabled", "false");
        builder.UseSetting("Rantevou:PublicBaseUrl", "http://localhost");
        // Tests hammer the API from one address on purpose; the rate-limit tests set their own limits.
        builder.UseSetting("Rantevou:RateLimits:BookingPerMinute", "1000000");
        builder.UseSetting("Rantevou:RateLimits:LoginPerMinute", "1000000");
        builder.UseSetting("Rantevou:RateLimits:KioskPerMinute", "1000000");
        builder.UseSetting("Rantevou:RateLimits:TicketsPerKioskPerMinute", "1000000");
        // Likewise the per-person limits (R12): most tests book many times with one address; the limit tests lower them.
        builder.UseSetting("Rantevou:Limits:ActivePerService", "1000000");
        builder.UseSetting("Rantevou:Limits:PerDay", "1000000");
        builder.UseSetting("Rantevou:Limits:NoShowLimit", "0");
        if (Smtp is not null)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", Smtp.Port.ToString());
            builder.UseSetting("Smtp:Security", "None");
            builder.UseSetting("Smtp:TimeoutSeconds", "5");
        }
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (Database == TestDatabase.Sqlite && StartsFromTemplate)
            SeededTemplates.CopySqliteInto(DataDir, Clock.GetUtcNow(), Settings, RealPasswordHashing);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        if (!RealPasswordHashing)
            builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = TestPasswordRounds));
    }

    /// <summary>A first start on a database of the app's own: not a restart over a kept one, not one the settings point at.</summary>
    bool StartsFromTemplate =>
        FromTemplate && PostgresConnection is null && !File.Exists(Path.Combine(DataDir, "rantevou.db"))
        && !Settings.Keys.Any(k => k.StartsWith("Database:", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase));

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<RantevouDbContext, Task<T>> query)
    {
        await using var scope = Scope();
        return await query(scope.ServiceProvider.GetRequiredService<RantevouDbContext>());
    }

    /// <summary>Runs the outbox sender once, as the Hangfire job would.</summary>
    public async Task<int> DispatchMailAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
    }

    /// <summary>Runs the hold-release sweep once, as the Hangfire job would.</summary>
    public async Task<int> ReleaseHoldsAsync()
    {
        await using var scope = Scope();
        return await scope.ServiceProvider.GetRequiredService<BookingService>().ReleaseExpiredHoldsAsync(CancellationToken.None);
    }

    public BookingTokens Tokens => Services.GetRequiredService<BookingTokens>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (KeepData)
            return;
        if (PostgresConnection is not null)
            PostgresServer.Shared.DropDatabase(PostgresConnection);
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
