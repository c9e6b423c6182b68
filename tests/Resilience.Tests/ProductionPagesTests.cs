using System.Collections.Concurrent;
using Microsoft.Playwright;
using Rantevou.Browser.Tests;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// The published server in Production over TLS, as an office runs it, in Chromium: the Content-Security-Policy (no inline
/// script) breaks nothing on the pages a citizen, the lobby, a clerk and a new administrator open there — no
/// <c>securitypolicyviolation</c>, and their scripts and styles load.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductionPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    readonly string dataDir = Nodes.NewDataDir();
    readonly ConcurrentQueue<string> violations = new();
    readonly ConcurrentQueue<string> failedLoads = new();
    readonly List<string> visited = [];
    HubProcess node = null!;
    IBrowserContext context = null!;
    IPage page = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        var certificate = Path.Combine(dataDir, "server.pfx");
        await File.WriteAllBytesAsync(certificate, ProxyTlsTests.SelfSigned());
        var port = HubProcess.FreePort();
        node = await HubProcess.StartAsync(dataDir, new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"https://127.0.0.1:{port}",
            ["Kestrel:Certificates:Default:Path"] = certificate,
            ["Kestrel:Certificates:Default:Password"] = ProxyTlsTests.CertificatePassword,
        }, port: port, https: true);
        context = await browser.Browser.NewContextAsync(new() { BaseURL = node.BaseUrl, IgnoreHTTPSErrors = true, Locale = "el-GR" });
        await context.ExposeFunctionAsync("reportCspViolation", (string v) => violations.Enqueue(v));
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', (e) =>
              window.reportCspViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
            """);
        page = await context.NewPageAsync();
        page.Response += (_, r) =>
        {
            // Two 404s are answers, not failures: the missing page asked for, and the pairing screen's first poll
            // ("no code yet", after which it asks for one).
            if (r.Status >= 400 && !r.Url.Contains("no-such-page", StringComparison.Ordinal)
                && !(r.Status == 404 && r.Request.Method == "GET" && r.Url.Contains("/api/devices/pairing", StringComparison.Ordinal)))
                failedLoads.Enqueue($"{r.Status} {r.Url}");
        };
    }

    public async Task DisposeAsync()
    {
        await context.DisposeAsync();
        await node.DisposeAsync();
        Nodes.DeleteDataDir(dataDir);
    }

    [Fact]
    public async Task ProductionOverTls_EveryPageRaisesNoPolicyViolation_AndLoadsAllItsParts()
    {
        foreach (var path in (string[])["/", "/?culture=en", "/privacy", "/account/login", "/account/forgot", "/no-such-page", "/display"])
            await VisitAsync(path);
        // A citizen starts a booking (Greek again): the service's days.
        await context.ClearCookiesAsync();
        await VisitAsync("/");
        await page.Locator("a[href^='/book/']").First.ClickAsync();
        await SettleAsync("booking: days");
        // The lobby: an unpaired kiosk in Production shows its pairing code.
        await VisitAsync("/kiosk");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/devices/pair"));
        await Assertions.Expect(page.Locator("#pair-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z0-9]{3}-[A-Z0-9]{3}$"));

        // A clerk at the desk screen (its scripts connect to the hub).
        await SignInAsync("/clerk", "clerk1@example.org");
        await SettleAsync("/clerk");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/clerk"));
        // A new administrator in Production is sent to set up the second factor: its QR code is an inline image.
        await context.ClearCookiesAsync();
        await SignInAsync("/admin", "admin@example.org");
        await SettleAsync("/admin → two-factor");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor"));
        await Assertions.Expect(page.Locator("img[src^='data:image']")).ToBeVisibleAsync();

        await page.WaitForTimeoutAsync(300);
        Assert.True(violations.IsEmpty, $"on {visited.Count} pages:\n" + string.Join('\n', violations));
        Assert.True(failedLoads.IsEmpty, "failed to load:\n" + string.Join('\n', failedLoads));
    }

    async Task VisitAsync(string path)
    {
        await page.GotoAsync(path);
        await SettleAsync(path);
    }

    async Task SettleAsync(string what)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        visited.Add(what);
    }

    async Task SignInAsync(string path, string email)
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
    }
}
