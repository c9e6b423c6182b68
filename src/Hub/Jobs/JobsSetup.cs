using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Hub.Booking;
using Rantevou.Hub.Notifications;

namespace Rantevou.Hub.Jobs;

public static class JobsSetup
{
    /// <summary>Hangfire: in memory by default; with a server database, its storage there, shared by every node (principle 7, ADR 0007).</summary>
    public static IHostApplicationBuilder AddRantevouJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobsOptions>().BindConfiguration("Rantevou:Jobs").ValidateDataAnnotations().ValidateOnStart();
        // Whether this process runs a Hangfire server decides what is registered, so it is read here, once.
        var jobs = builder.Configuration.GetSection("Rantevou:Jobs").Get<JobsOptions>() ?? new JobsOptions();
        var provider = builder.Configuration["Database:Provider"];
        var connection = builder.Configuration.GetConnectionString("Rantevou");
        // Each host owns its storage: Hangfire's default hands every host the process-wide JobStorage.Current, so a
        // second host in the same process (tests, the training office) would share it and dispose it under the first.
        builder.Services.AddSingleton<JobStorage>(_ => provider switch
        {
            "SqlServer" => new SqlServerStorage(connection, new SqlServerStorageOptions { PrepareSchemaIfNecessary = true }),
            "PostgreSql" => PostgreSql(connection ?? throw new InvalidOperationException("ConnectionStrings:Rantevou is required with Database:Provider PostgreSql")),
            _ => new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long }),
        });
        builder.Services.AddSingleton<HangfireLogging>();
        builder.Services.AddHangfire((services, c) =>
        {
            // This host's loggers serve Hangfire's process-wide provider until the host stops.
            services.GetRequiredService<HangfireLogging>();
            c.UseLogProvider(HangfireLogging.Provider).SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings();
        });
        if (jobs.Enabled)
            builder.Services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        builder.Services.AddScoped<HoldReleaseJob>();
        builder.Services.AddScoped<OutboxJob>();
        builder.Services.AddScoped<RetentionJob>();
        builder.Services.AddScoped<StatisticsJob>();
        builder.Services.AddScoped<LiveDayJob>();
        builder.Services.AddScoped<ReminderJob>();
        builder.Services.AddScoped<DatabaseStatisticsJob>();
        return builder;
    }

    /// <summary>The jobs' tables live in their own schema of the office's database, created on the first start.</summary>
    static PostgreSqlStorage PostgreSql(string connection)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            // A server that cannot prepare its jobs' tables after the start-up retries stops, rather than running
            // without the sweeps (R5 expiry, unconfirmed holds, mail): the service manager restarts it, the log says why.
            AllowDegradedModeWithoutStorage = false,
            // The lock of a job that was running on a node that crashed stays in the table until it is this old. The
            // default, ten minutes, would hold back every node's mail that long; a minute is safe because every job is
            // an idempotent sweep and each mail is claimed on its own (ADR 0007), so a lock only saves work.
            DistributedLockTimeout = TimeSpan.FromMinutes(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
    }

    /// <summary>
    /// Every recurring sweep, here and nowhere else: idempotent, so running twice or after a crash gives the same result
    /// (principle 4). Hangfire's storage lock runs each once across nodes (ADR 0007).
    /// </summary>
    public static WebApplication UseRantevouJobs(this WebApplication app)
    {
        app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminsOnly()], DisplayStorageConnectionString = false });
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<HoldReleaseJob>("release-unconfirmed", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<OutboxJob>("outbox-sweep", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<RetentionJob>("privacy-retention", j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
        // After midnight in Athens (UTC+2/+3): yesterday is over, and the administrators' reports read it kept.
        recurring.AddOrUpdate<StatisticsJob>("statistics-days", j => j.RunAsync(CancellationToken.None), Cron.Daily(1));
        // R5: the net under the expiry scheduler (ExpiryScheduler), and the day's close at closing time.
        recurring.AddOrUpdate<LiveDayJob>("live-day", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        // R2: each minute, so the reminders leave within a minute of the office's reminder time (a cheap query otherwise).
        recurring.AddOrUpdate<ReminderJob>("reminders", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        // SQLite's planner statistics, as the office's tables grow (ADR 0022); next to nothing when none grew. A server
        // database keeps its own, so there the job is not scheduled (and one left from a SQLite past is removed).
        if (UsesSqlite(app.Services))
            recurring.AddOrUpdate<DatabaseStatisticsJob>("database-statistics", j => j.RunAsync(CancellationToken.None), Cron.Minutely());
        else
            recurring.RemoveIfExists("database-statistics");
        return app;
    }

    static bool UsesSqlite(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<RantevouDbContext>().Database.IsSqlite();
    }
}
