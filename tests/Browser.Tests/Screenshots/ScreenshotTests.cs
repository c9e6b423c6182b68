using Microsoft.Playwright;

namespace Rantevou.Browser.Tests.Screenshots;

/// <summary>Pictures of the main pages for docs/screenshots, taken on the way through a real booking.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task MainPages_AreWrittenToDocsScreenshots()
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        var t = Texts.Greek;

        await Page.GotoAsync("/");
        await Page.Locator("details.documents").First.EvaluateAsync("d => d.open = true");
        await ShotAsync(folder, "home");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.BookService }).ClickAsync();
        await ShotAsync(folder, "date");
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Day }).ClickAsync();
        await Page.GetByLabel("09:00", new() { Exact = true }).CheckAsync();
        await ShotAsync(folder, "time");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Continue }).ClickAsync();
        await FillDetailsAsync(t, "Μαρία Παπαδοπούλου", "maria@", "");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();
        await ShotAsync(folder, "details-errors");
        await FillDetailsAsync(t, "Μαρία Παπαδοπούλου", "maria@example.org", "6941234567");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();

        await Page.GotoAsync(LinkIn(await NextMailAsync(1), confirm: true));
        await Page.GetByRole(AriaRole.Button, new() { Name = t.ConfirmButton }).ClickAsync();
        await ShotAsync(folder, "manage");

        foreach (var name in new[] { "home", "date", "time", "details-errors", "manage" })
            Assert.True(new FileInfo(Path.Combine(folder, name + ".png")).Length > 10_000, name);
    }

    async Task ShotAsync(string folder, string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });

    static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Rantevou.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Rantevou.sln not found above the test output");
    }
}
