using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Observability;

/// <summary>/health/live answers while the process runs; /health/ready (and /health) only while the database, Redis and the outbox do.</summary>
public sealed class HealthTests : AppTest
{
    [Fact]
    public async Task Ready_IsHealthy_ThenUnhealthy_WhenTheDatabaseIsGone_WhileLiveStaysUp()
    {
        var ready = await HealthAsync("/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Json.GetProperty("status").GetString()));
        Assert.Equal("Healthy", ready.Json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync("/health")).Status);

        // The disk is gone: the file and its folder, so SQLite cannot even make a new, empty one.
        SqliteConnection.ClearAllPools();
        Directory.Delete(App.DataDir, recursive: true);

        var gone = await HealthAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, gone.Status);
        Assert.Equal("Unhealthy", gone.Json.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await HealthAsync("/health")).Status);
        var live = await HealthAsync("/health/live");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Json.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Ready_IsDegraded_ThenUnhealthy_AsUnsentMailGrowsOld()
    {
        await Smtp.StopAsync();
        var service = await ServiceAsync();
        await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday)).First());

        App.Clock.Advance(TimeSpan.FromMinutes(20));
        var degraded = await HealthAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, degraded.Status);
        Assert.Equal("Degraded", degraded.Json.GetProperty("checks").GetProperty("outbox").GetProperty("status").GetString());

        App.Clock.Advance(TimeSpan.FromHours(2));
        var unhealthy = await HealthAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.Status);
        Assert.Equal("Unhealthy", unhealthy.Json.GetProperty("checks").GetProperty("outbox").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_IsUnhealthy_WhileRedisIsDown_AndHealthyAgainWhenItReturns_WhileLiveStaysUp()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = new RantevouApp { Settings = { ["Redis:Configuration"] = redis.Configuration } };
        using var http = app.CreateClient();
        Assert.Equal("Healthy", await RedisStatusAsync(http));

        redis.Kill();
        var down = await HealthAsync("/health/ready", http);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal("Unhealthy", down.Json.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync("/health/live", http)).Status);

        // The same multiplexer reconnects by itself: no restart of the node is needed.
        await redis.StartAgainAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await RedisStatusAsync(http) != "Healthy")
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "Redis is back but /health/ready still says it is not");
            await Task.Delay(500);
        }
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync("/health/ready", http)).Status);
    }

    async Task<string?> RedisStatusAsync(HttpClient http) =>
        (await HealthAsync("/health/ready", http)).Json.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString();

    async Task<(HttpStatusCode Status, JsonElement Json)> HealthAsync(string path, HttpClient? http = null)
    {
        using var response = await (http ?? Http).GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
