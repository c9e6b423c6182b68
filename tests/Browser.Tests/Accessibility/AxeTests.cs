using Microsoft.Playwright;

namespace Rantevou.Browser.Tests.Accessibility;

/// <summary>axe-core finds nothing serious or critical on the pages a citizen goes through.</summary>
[Collection(LongBrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Theory]
    [InlineData("")]
    [InlineData("?culture=en")]
    public async Task BookingPages_HaveNoSeriousViolations(string culture)
    {
        var t = culture == "" ? Texts.Greek : Texts.English;
        await Page.GotoAsync("/" + culture);
        await AssertAccessibleAsync("home");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.BookService }).ClickAsync();
        await AssertAccessibleAsync("date");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Day }).ClickAsync();
        await AssertAccessibleAsync("time");
        await Page.GetByLabel("09:30", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Continue }).ClickAsync();
        await AssertAccessibleAsync("details");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await AssertAccessibleAsync("details with errors");
        await FillDetailsAsync(t, "Maria Papadopoulou", "maria@example.org", "6941234567");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();
        await AssertAccessibleAsync("check your email");

        await Page.GotoAsync(LinkIn(await NextMailAsync(1), confirm: true));
        await AssertAccessibleAsync("confirm");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.ConfirmButton, Exact = true }).ClickAsync();
        await AssertAccessibleAsync("manage");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Reschedule }).ClickAsync();
        await AssertAccessibleAsync("reschedule");
        await Page.GotoAsync("/no-such-page");
        await AssertAccessibleAsync("not found");
        // A lost mail asked for again (R2): the form, its errors, and the answer.
        await Page.GotoAsync("/b/find" + culture);
        await AssertAccessibleAsync("find a booking's mail");
        await Page.Locator("form.form button[type=submit]").ClickAsync();
        await Assertions.Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await AssertAccessibleAsync("find a booking's mail, with errors");
    }

    [Fact]
    public async Task AdminPages_AuditSettingsAndAgents_HaveNoSeriousViolations()
    {
        await Page.GotoAsync("/admin/settings");
        await Page.GetByLabel("Email").FillAsync("admin@example.org");
        await Page.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/settings$"));
        await AssertAccessibleAsync("settings with limits");
        // A saved change gives the audit log a row to show (R12).
        await Page.GetByRole(AriaRole.Button, new() { Name = "Αποθήκευση" }).First.ClickAsync();
        await Page.GotoAsync("/admin/agents");
        await AssertAccessibleAsync("agents with quotas");
        // The table stays inside the page on a common laptop: its account button was cut off at the right.
        await Page.SetViewportSizeAsync(1280, 900);
        Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 1280"), "the agents table is wider than the page");
        await Page.GotoAsync("/admin/audit?action=admin.");
        await Assertions.Expect(Page.Locator("table tbody tr")).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync("audit log");
        await Page.GotoAsync("/admin/audit?action=admin.&culture=en");
        await AssertAccessibleAsync("audit log in English");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "rantevou-admin-audit.png"), FullPage = true });
    }

    /// <summary>The check itself can fail: grey on white and an input without a label are caught, with where.</summary>
    [Fact]
    public async Task TheCheck_FindsSeriousViolations_OnAPageThatHasThem()
    {
        await Page.SetContentAsync("""
            <!doctype html><html lang="el"><head><title>Δοκιμή</title></head>
            <body><main><h1>Δοκιμή</h1><p style="color:#c8c8c8;background:#fff">Γκρι σε λευκό</p><input id="q" type="text"></main></body></html>
            """);
        var failed = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Axe.AssertNoSeriousViolationsAsync(Page, "a bad page"));
        Assert.Contains("color-contrast [serious]", failed.Message);
        Assert.Contains("label [critical]", failed.Message);
        Assert.Contains("Γκρι σε λευκό", failed.Message);
    }

    [Fact]
    public async Task KeyboardOnly_SkipLinkComesFirst_AndTimesArePickedWithArrows()
    {
        await Page.GotoAsync("/");
        await Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveClassAsync("skip-link");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator(":focus")).ToHaveIdAsync("main");

        await Page.GetByRole(AriaRole.Link, new() { Name = Texts.Greek.BookService }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Link, new() { Name = Texts.Greek.Day }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByLabel("08:00", new() { Exact = true }).FocusAsync();
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Τα στοιχεία σας");
        await Assertions.Expect(Page.Locator(".summary")).ToContainTextAsync("08:05");
    }
}
