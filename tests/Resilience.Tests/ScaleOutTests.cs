using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rantevou.Browser.Tests;
using Rantevou.Contracts.Queue;
using Xunit.Abstractions;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// Two nodes over one PostgreSQL database, as a directorate runs them (docs/decisions/0007-scale-out.md, 0011),
/// waiting-room displays (real Chromium) on node B, clerks on node A: a call on A shows on B's displays, over Redis or,
/// without it, from B's heartbeat.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScaleOutTests(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>
    /// Switches off the display's minutely snapshot refresh (an interval of a minute or more), so what brings a
    /// display up to date in these tests is only what the test is about: a pushed event or the node's version signal.
    /// </summary>
    const string NoMinutelyRefresh = """
        (() => {
          const every = window.setInterval;
          window.setInterval = (fn, ms, ...args) => (ms >= 60000 ? 0 : every(fn, ms, ...args));
        })();
        """;

    readonly string dataDir = Nodes.NewDataDir();
    string? postgres;
    readonly List<IBrowserContext> contexts = [];
    readonly Stopwatch clock = Stopwatch.StartNew();

    [Fact]
    public async Task CallOnNodeA_ShowsOnNodeBDisplays_AndAfterA30SecondRedisOutageTheyCatchUpByThemselves()
    {
        await using var redis = await RedisServer.StartAsync();
        // Heartbeat off: only the Redis restore signal may bring the displays back in step after the outage.
        var settings = Nodes.Settings(("Redis:Configuration", redis.Configuration), ("Rantevou:Queue:HeartbeatSeconds", "0"),
            ("Logging:LogLevel:Rantevou.Hub.Queue", "Information"));
        postgres = Nodes.UsePostgres(settings);
        await using var a = await HubProcess.StartAsync(dataDir, settings);
        await using var b = await HubProcess.StartAsync(dataDir, settings);
        Log("two nodes and redis up");
        var displays = new[] { await DisplayAsync(b), await DisplayAsync(b, "?culture=en") };
        var (clerk1, clerk2, desk1, desk2, serviceId) = await ClerksAsync(a);
        for (var i = 0; i < 4; i++)
            await WalkInAsync(a, serviceId);

        var first = await CallNextAsync(clerk1, desk1);
        foreach (var display in displays)
            await ExpectServingAsync(display, 1, first, seconds: 5);
        Log($"call on A ({first}) shown on both displays on B");

        redis.Kill();
        var outage = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await clerk1.PostAsync($"/api/desks/{desk1}/complete", null)).StatusCode);
        var second = await CallNextAsync(clerk1, desk1);
        var third = await CallNextAsync(clerk2, desk2);
        Log($"calls on A during the outage answered in {outage.Elapsed.TotalSeconds:F1} s: {second} at desk 1, {third} at desk 2");
        Assert.True(outage.Elapsed < TimeSpan.FromSeconds(5), "a clerk's call must not wait for Redis");

        // The events of the outage are lost: B's displays, whose own connections never dropped, still show the old call.
        await Task.Delay(TimeSpan.FromSeconds(5));
        foreach (var display in displays)
            Assert.Equal(first, await DeskCode(display, 1).InnerTextAsync());

        await Task.Delay(TimeSpan.FromSeconds(30) - outage.Elapsed);
        await redis.StartAgainAsync();
        var back = Stopwatch.StartNew();
        Log("redis back on the same port");
        using var reader = a.Client();
        var truth = (await reader.GetFromJsonAsync<QueueSnapshot>("/api/queue/snapshot"))!;
        Assert.Equal([second, third], truth.Serving.Select(s => s.Code));
        foreach (var display in displays)
            foreach (var s in truth.Serving)
                await ExpectServingAsync(display, s.DeskNumber, s.Code, seconds: 20);
        Log($"displays on B back in step with the database {back.Elapsed.TotalSeconds:F1} s after redis returned");
        Assert.Contains("Redis backplane connection restored", b.Output, StringComparison.Ordinal);

        // And the backplane carries events again.
        Assert.Equal(HttpStatusCode.OK, (await clerk2.PostAsync($"/api/desks/{desk2}/complete", null)).StatusCode);
        var fourth = await CallNextAsync(clerk2, desk2);
        foreach (var display in displays)
            await ExpectServingAsync(display, 2, fourth, seconds: 5);
        Log($"new call after the outage ({fourth}) pushed to B");
    }

    [Fact]
    public async Task WithoutABackplane_NodeBDisplayStillCatchesUpWithCallsOnNodeA_FromItsNodesHeartbeat()
    {
        var settings = Nodes.Settings(("Rantevou:Queue:HeartbeatSeconds", "2"));
        postgres = Nodes.UsePostgres(settings);
        await using var a = await HubProcess.StartAsync(dataDir, settings);
        await using var b = await HubProcess.StartAsync(dataDir, settings);
        var display = await DisplayAsync(b);
        var (clerk1, _, desk1, _, serviceId) = await ClerksAsync(a);
        await WalkInAsync(a, serviceId);

        var called = await CallNextAsync(clerk1, desk1);
        var waited = Stopwatch.StartNew();
        // No event can cross from A to B; B's heartbeat (every 2 s) tells the display the version moved.
        await ExpectServingAsync(display, 1, called, seconds: 8);
        Log($"display on B showed the call on A after {waited.Elapsed.TotalSeconds:F1} s");
    }

    async Task<IPage> DisplayAsync(HubProcess node, string query = "")
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = node.BaseUrl, Locale = "el-GR" });
        contexts.Add(context);
        await context.AddInitScriptAsync(NoMinutelyRefresh);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/display" + query);
        // A node just started answers its first requests slowly on a busy machine; what these tests time is what
        // happens after the display is up, not how fast it comes up.
        var firstLoad = new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 };
        await Assertions.Expect(page.Locator("#desks .desk").First).ToBeVisibleAsync(firstLoad);
        await Assertions.Expect(page.Locator("#status")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        return page;
    }

    static ILocator DeskCode(IPage display, int deskNumber) =>
        display.Locator(".desk", new() { Has = display.Locator(".desk-no", new() { HasTextRegex = new Regex($"^{deskNumber}$") }) })
            .Locator(".desk-code");

    static Task ExpectServingAsync(IPage display, int deskNumber, string code, int seconds) =>
        Assertions.Expect(DeskCode(display, deskNumber)).ToHaveTextAsync(code, new() { Timeout = seconds * 1000 });

    /// <summary>clerk1 and clerk2 signed in on the node, their desks (1 and 2) and a service both serve.</summary>
    static async Task<(HttpClient, HttpClient, int, int, int)> ClerksAsync(HubProcess node)
    {
        using var http = node.Client();
        var desks = (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!;
        var desk1 = desks.Single(d => d.Number == 1);
        var desk2 = desks.Single(d => d.Number == 2);
        var service = desk1.Services.Intersect(desk2.Services).First();
        return (await Nodes.ClerkAsync(node, "clerk1@example.org"), await Nodes.ClerkAsync(node, "clerk2@example.org"), desk1.Id, desk2.Id, service);
    }

    static async Task WalkInAsync(HubProcess node, int serviceId)
    {
        // The kiosk API needs a paired kiosk (ADR 0015): the office's admin pairs one through this node.
        using var admin = await Nodes.ClerkAsync(node, "admin@example.org");
        using var machine = node.Client();
        using var http = node.Client();
        http.AsDevice(await PairedDevices.PairOverHttpAsync(machine, admin));
        var response = await http.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(serviceId, null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The clerk calls the next person; returns the label the display shows.</summary>
    static async Task<string> CallNextAsync(HttpClient clerk, int deskId)
    {
        var response = await clerk.PostAsync($"/api/desks/{deskId}/call-next", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CalledPerson>())!.Label;
    }

    void Log(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {what}");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
            await context.DisposeAsync();
        Nodes.DeleteDataDir(dataDir);
        if (postgres is not null)
            PostgresServer.Shared.DropDatabase(postgres);
    }
}
