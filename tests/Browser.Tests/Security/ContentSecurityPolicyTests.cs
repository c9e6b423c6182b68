using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Rantevou.Browser.Tests.Security;

/// <summary>
/// The Content-Security-Policy (no inline script, Hardening) breaks nothing: every page a citizen, the lobby, a clerk,
/// an agent and an administrator open raises no <c>securitypolicyviolation</c>, and their scripts still run.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : BrowserTest(browser)
{
    readonly ConcurrentQueue<string> violations = new();
    readonly List<string> visited = [];

    [Fact]
    public async Task EveryPage_RaisesNoPolicyViolation()
    {
        await Context.ExposeFunctionAsync("reportCspViolation", (string v) => violations.Enqueue(v));
        await Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', (e) =>
              window.reportCspViolation(`${location.pathname}: ${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
            """);
        Page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                violations.Enqueue($"{Page.Url}: {m.Text}");
        };
        var home = await Page.GotoAsync("/");
        Assert.Contains("script-src 'self'", (await home!.AllHeadersAsync())["content-security-policy"]);

        foreach (var path in (string[])["/", "/?culture=en", "/privacy", "/account/login", "/no-such-page"])
            await VisitAsync(path);

        // A citizen in Greek (?culture=en above kept English in a cookie): the booking pages, the confirmation, the
        // booking's own page, rescheduling.
        await Context.ClearCookiesAsync();
        await BookAsync(Texts.Greek);
        Seen("booking pages");
        await VisitAsync(LinkIn(await NextMailAsync(1), confirm: true));
        await Page.GetByRole(AriaRole.Button, new() { Name = Texts.Greek.ConfirmButton, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = Texts.Greek.Reschedule }).ClickAsync();
        Seen("booking's page, reschedule");

        // The lobby: a walk-in ticket from the kiosk (its script runs), the ticket's page, the display.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2)));
        await VisitAsync("/kiosk");
        await Page.Locator("#walkin-start").ClickAsync();
        await Page.Locator("#services button").First.ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Όχι, κανονική σειρά" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#p-qr")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/t/"));
        var qr = await Page.Locator("#p-qr").GetAttributeAsync("src") ?? "";
        await VisitAsync(qr[..qr.LastIndexOf('/')]);
        await VisitAsync("/display");
        await Assertions.Expect(Page.Locator("body")).Not.ToBeEmptyAsync();

        // Staff and partners, each signed in on a fresh cookie jar.
        await SignInAsync("/clerk", "clerk1@example.org");
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Seen("/clerk");
        await Context.ClearCookiesAsync();
        await SignInAsync("/agent", "school@example.org");
        Seen("/agent");
        await Context.ClearCookiesAsync();
        await SignInAsync("/admin", "admin@example.org");
        foreach (var path in (string[])["/admin/services", "/admin/desks", "/admin/calendar", "/admin/settings", "/admin/agents", "/admin/audit", "/admin/statistics", "/hangfire"])
            await VisitAsync(path);

        await Page.WaitForTimeoutAsync(300);
        Assert.True(violations.IsEmpty, $"on {visited.Count} pages:\n" + string.Join('\n', violations));
    }

    async Task VisitAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Seen(path);
    }

    void Seen(string what) => visited.Add(what);
}
