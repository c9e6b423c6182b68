using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rantevou.Hub.Tests.Support;

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

    async Task<(HttpStatusCode Status, JsonElement Json)> HealthAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }
}
