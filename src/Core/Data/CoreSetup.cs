using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rantevou.Core.Booking;
using Rantevou.Core.Demo;
using Rantevou.Core.Documents;
using Rantevou.Core.Privacy;
using Rantevou.Core.Slots;
using Rantevou.Core.Time;

namespace Rantevou.Core.Data;

public sealed class RantevouOptions
{
    /// <summary>Where the embedded database and written mail live (API.md: Rantevou__DataDir).</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    /// <summary>The address people reach the site at; links in emails start with it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// Create the demo accounts (password in the README) on an empty user table. Unset means only in Development:
    /// a published server must never accept a password everyone can read, so Production asks for them explicitly or not at all.
    /// </summary>
    public bool? SeedDemo { get; set; }
}

public sealed class DatabaseOptions
{
    [RegularExpression("^(Sqlite|SqlServer|PostgreSql)$")]
    public string Provider { get; set; } = "Sqlite";
}

public static class CoreSetup
{
    public const string SqliteMigrations = "Rantevou.Migrations.Sqlite";
    public const string SqlServerMigrations = "Rantevou.Migrations.SqlServer";
    public const string PostgreSqlMigrations = "Rantevou.Migrations.PostgreSql";

    /// <summary>Deadlocks on SQL Server: the transaction lost to another and is run again (ADR 0011; PostgreSQL: <see cref="ConflictRetries"/>).</summary>
    static readonly int[] SqlServerRetried = [1205];

    public static IHostApplicationBuilder AddRantevouCore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RantevouOptions>().BindConfiguration("Rantevou").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TrainingClockFrom(builder));

        var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
        var connection = builder.Configuration.GetConnectionString("Rantevou");
        var threadChecks = !builder.Environment.IsProduction();
        // Pooled: every request takes a context, and building one (its options and internal services) cost about a
        // sixth of a booking's CPU. A returned context is reset (change tracker, transaction, connection) by EF.
        if (provider == "SqlServer")
        {
            builder.Services.AddDbContextPool<RantevouDbContext>(o => Tuned(threadChecks, o.UseSqlServer(connection, x => x
                .MigrationsAssembly(SqlServerMigrations)
                .EnableRetryOnFailure(6, TimeSpan.FromSeconds(2), SqlServerRetried))));
        }
        else if (provider == "PostgreSql")
        {
            builder.Services.AddDbContextPool<RantevouDbContext>(o => Tuned(threadChecks, o.UseNpgsql(connection, x => x
                .MigrationsAssembly(PostgreSqlMigrations)
                .ExecutionStrategy(d => new ConflictRetries(d)))));
        }
        else
        {
            connection ??= SqliteConnectionString(builder.Configuration["Rantevou:DataDir"] ?? "data");
            builder.Services.AddDbContextPool<RantevouDbContext>(o => Tuned(threadChecks, o.UseSqlite(connection, x => x.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqlitePragmas())));
        }

        builder.Services.AddSingleton(sp => new BookingTokens(SecretStore.Load(sp, SecretStore.BookingTokens)));
        builder.Services.AddOptions<BookingLimits>().BindConfiguration("Rantevou:Limits").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<AgentOptions>().BindConfiguration("Rantevou:Agents").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveDay.ExpiryWake>();
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<LiveDay.KnownDays>();
        builder.Services.AddSingleton<Offices.OfficeConfigCache>();
        builder.Services.AddScoped<LiveDay.DayChanges>();
        builder.Services.AddScoped<BookingService>();
        builder.Services.AddScoped<LinkResend>();
        builder.Services.AddScoped<Reminders.ReminderSweep>();
        builder.Services.AddScoped<AvailabilityService>();
        builder.Services.AddSingleton<DayClaimsCache>();
        builder.Services.AddOptions<AvailabilityOptions>().BindConfiguration("Rantevou:Availability").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Admin.OfficeChanges>();
        builder.Services.AddScoped<Admin.DeskMoves>();
        builder.Services.AddScoped<Admin.AdminCatalogue>();
        builder.Services.AddScoped<Admin.AdminOffices>();
        builder.Services.AddScoped<Admin.AdminCalendar>();
        builder.Services.AddScoped<Admin.ServiceTimes>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<Statistics.OfficeStatistics>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.Services.AddOptions<PrivacyOptions>().BindConfiguration("Rantevou:Privacy").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Retention>();
        builder.Services.AddSingleton<Audit.AuditRecorder>();
        builder.Services.AddScoped<Audit.AuditSearch>();
        builder.Services.AddRantevouDocuments();
        builder.Services.AddOptions<Devices.DeviceOptions>().BindConfiguration("Rantevou:Devices").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<Devices.DeviceRegistry>();
        builder.Services.AddScoped<Devices.DevicePages>();
        return builder;
    }

    /// <summary>
    /// A failed command or save reaches the caller as an exception anyway: the code that expects it (a lost race for a
    /// slot claim, R1, answered 409) handles it, and anything unexpected is logged as an error by the exception handler.
    /// EF's own error log of the same failure, with its stack trace, is kept at Debug so races do not flood the log.
    /// </summary>
    /// <remarks>
    /// EF's check that no context is used by two operations at once sets an async-local value on every row it reads:
    /// about a quarter of the CPU of an availability look that reads a day's 2,300 claims. It stays on wherever the tests
    /// and developers run (every environment but Production), which is where such a misuse shows (ADR 0024).
    /// </remarks>
    static DbContextOptionsBuilder Tuned(bool threadChecks, DbContextOptionsBuilder o) =>
        o.EnableThreadSafetyChecks(threadChecks).ConfigureWarnings(w => w.Log(
            (CoreEventId.SaveChangesFailed, LogLevel.Debug),
            (RelationalEventId.CommandError, LogLevel.Debug)));

    /// <summary>The system clock, or the training clock when Rantevou:Clock:Start is set (refused in Production).</summary>
    static TimeProvider TrainingClockFrom(IHostApplicationBuilder builder)
    {
        var start = builder.Configuration["Rantevou:Clock:Start"];
        if (string.IsNullOrWhiteSpace(start))
            return TimeProvider.System;
        if (builder.Environment.IsProduction())
            throw new InvalidOperationException("Rantevou:Clock is for training and demonstrations; it is refused in Production.");
        if (!DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at))
            throw new InvalidOperationException($"Rantevou:Clock:Start is not an instant: {start}");
        var speed = builder.Configuration.GetValue("Rantevou:Clock:Speed", 1.0);
        if (speed is <= 0 or > 1000)
            throw new InvalidOperationException("Rantevou:Clock:Speed must be between 0 and 1000.");
        return new TrainingClock(at, speed, TimeProvider.System);
    }

    /// <summary>The embedded default: a file under the data folder, waiting up to 30 s for the writer lock.</summary>
    public static string SqliteConnectionString(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        return $"Data Source={Path.Combine(dataDir, "rantevou.db")};Default Timeout=30;Pooling=True";
    }

    /// <summary>
    /// Migrates, turns on WAL for SQLite, creates the token secret and, on an empty database, the office from the
    /// office catalogue, in every environment: an office cannot take bookings without its services, desks and hours.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        // A database that already has every migration is left alone: Migrate would still take its lock and compare the
        // model with the migrations (MigrationsUpToDateTests prove they match) on every start of every node.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await SecretStore.EnsureAsync(db, SecretStore.BookingTokens, scope.ServiceProvider.GetService<SecretSeal>(), ct);
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(ct);
        await SqliteStatistics.RefreshAsync(db, scope.ServiceProvider.GetRequiredService<WriteGate>(), ct);
    }
}
