using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MimeKit;
using Rantevou.TestKit;

namespace Rantevou.Browser.Tests;

/// <summary>A fresh app, SMTP server and browser context per test, and the steps a person takes, in their words.</summary>
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    protected SmtpTestServer Smtp { get; private set; } = null!;
    protected LiveApp App { get; private set; } = null!;
    protected IBrowserContext Context { get; private set; } = null!;
    protected IPage Page { get; private set; } = null!;

    protected virtual bool JavaScript => true;

    public async Task InitializeAsync()
    {
        Smtp = SmtpTestServer.Start();
        App = new LiveApp { Smtp = Smtp };
        Configure(App);
        App.Start();
        Context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            JavaScriptEnabled = JavaScript,
            Locale = "el-GR",
            ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
        });
        Page = await Context.NewPageAsync();
    }

    /// <summary>Settings of this class's app, before it starts.</summary>
    protected virtual void Configure(LiveApp app)
    {
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        await App.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>Home → service → day → time → details, ending on the "check your email" page.</summary>
    protected async Task BookAsync(Texts t, string time = "09:00", string query = "")
    {
        await Page.GotoAsync("/" + query);
        await Page.GetByRole(AriaRole.Link, new() { Name = t.BookService }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = t.Day }).ClickAsync();
        await Page.GetByLabel(time, new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Continue }).ClickAsync();
        await FillDetailsAsync(t, "Μαρία Παπαδοπούλου", "maria@example.org", "694 123 4567");
        await Page.GetByRole(AriaRole.Button, new() { Name = t.Submit }).ClickAsync();
    }

    protected async Task FillDetailsAsync(Texts t, string name, string email, string mobile)
    {
        await Page.GetByLabel(t.FullName, new() { Exact = true }).FillAsync(name);
        await Page.GetByLabel(t.Email, new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel(t.Mobile, new() { Exact = true }).FillAsync(mobile);
    }

    /// <summary>Sends what the outbox holds and waits until the SMTP server has <paramref name="total"/> messages.</summary>
    protected async Task<MimeMessage> NextMailAsync(int total)
    {
        await App.DispatchMailAsync();
        return (await Smtp.WaitForAsync(total))[total - 1];
    }

    /// <summary>A link to this app in the mail's text part: the confirmation link, or the booking's own page.</summary>
    protected string LinkIn(MimeMessage mail, bool confirm)
    {
        var links = Regex.Matches(mail.TextBody ?? "", Regex.Escape(App.BaseUrl) + @"/b/\S+").Select(m => m.Value);
        return links.Single(l => l.Contains("/confirm?", StringComparison.Ordinal) == confirm);
    }

    protected static bool HasQrPng(MimeMessage mail) =>
        mail.BodyParts.OfType<MimePart>().Any(p => p.ContentType.IsMimeType("image", "png"));

    protected async Task ExpectHeadingAsync(string text) =>
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(text);

    /// <summary>axe-core finds nothing serious or critical on the page as it is now.</summary>
    protected Task AssertAccessibleAsync(string what) => Axe.AssertNoSeriousViolationsAsync(Page, what);

    /// <summary>Signs in on the sign-in page the way a person does, starting from <paramref name="path"/>.</summary>
    protected async Task SignInAsync(string path, string email, string password = "Demo!2026")
    {
        await Page.GotoAsync(path);
        await Page.GetByLabel("Email").FillAsync(email);
        await Page.GetByLabel("Κωδικός πρόσβασης").FillAsync(password);
        await Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
    }
}
