using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rantevou.Core.Data;
using StackExchange.Redis;

namespace Rantevou.Hub.Infrastructure;

/// <summary>
/// The framework's health checks: <c>/health/live</c> (the process answers) and <c>/health/ready</c> (database, Redis
/// when configured, outbox age), both answering JSON; <c>/health</c> is the ready check under its old name (API.md).
/// </summary>
public static class HealthApi
{
    const string Ready = "ready";

    public static IHostApplicationBuilder AddRantevouHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().BindConfiguration("Rantevou:Health").ValidateDataAnnotations().ValidateOnStart();
        var checks = builder.Services.AddHealthChecks()
            // A query on a real table: SQLite "connects" to a file it has just created empty.
            .AddDbContextCheck<RantevouDbContext>("database", tags: [Ready], customTestQuery: async (db, ct) =>
            {
                await db.Offices.AnyAsync(ct);
                return true;
            })
            .AddCheck<OutboxAgeCheck>("outbox", tags: [Ready]);
        if (builder.Configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            builder.Services.AddSingleton(new RedisCheck(redis));
            checks.AddCheck<RedisCheck>("redis", tags: [Ready]);
        }
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJsonAsync });
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJsonAsync };
        app.MapHealthChecks("/health/ready", ready);
        app.MapHealthChecks("/health", ready);
        return app;
    }

    static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            durationMs = (int)report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                durationMs = (int)e.Value.Duration.TotalMilliseconds,
            }),
        }));
    }
}

/// <summary>R2: mail that stays in the outbox is mail a citizen does not get; its age tells how long.</summary>
sealed class OutboxAgeCheck(RantevouDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var oldest = await db.Outbox.Where(m => m.SentUtc == null).OrderBy(m => m.CreatedUtc).Select(m => (DateTime?)m.CreatedUtc).FirstOrDefaultAsync(ct);
        if (oldest is null)
            return HealthCheckResult.Healthy("no mail waiting");
        var age = time.GetUtcNow().UtcDateTime - DateTime.SpecifyKind(oldest.Value, DateTimeKind.Utc);
        var text = $"oldest unsent mail waits {(int)age.TotalMinutes} min";
        return age.TotalMinutes >= options.Value.OutboxUnhealthyMinutes ? HealthCheckResult.Unhealthy(text)
            : age.TotalMinutes >= options.Value.OutboxDegradedMinutes ? HealthCheckResult.Degraded(text)
            : HealthCheckResult.Healthy(text);
    }
}

/// <summary>The SignalR backplane: without it a call on one node does not reach another node's display.</summary>
sealed class RedisCheck(string configuration) : IHealthCheck, IAsyncDisposable
{
    readonly SemaphoreSlim gate = new(1, 1);
    ConnectionMultiplexer? redis;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await gate.WaitAsync(ct);
            try
            {
                if (redis is null)
                {
                    var options = ConfigurationOptions.Parse(configuration);
                    options.AbortOnConnectFail = false;
                    redis = await ConnectionMultiplexer.ConnectAsync(options);
                }
            }
            finally
            {
                gate.Release();
            }
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (redis is not null)
            await redis.DisposeAsync();
    }
}
