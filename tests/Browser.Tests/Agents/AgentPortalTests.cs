using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Agents;

/// <summary>R7 through the real pages: an agent books for a citizen, who confirms from their own email; then it is final.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentPortalTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Agent_BooksForACitizen_CitizenConfirmsFromTheMail_PortalShowsItFinal()
    {
        await Page.GotoAsync("/agent");
        await Page.GetByLabel("Email").FillAsync("agent@example.org");
        await Page.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Πύλη συνεργατών");

        await Page.GetByLabel("Ημέρα", new() { Exact = true }).Nth(1).FillAsync("2026-12-02");
        await Page.GetByLabel("Ώρα (ανά 5 λεπτά)").FillAsync("10:30");
        await Page.GetByLabel("Για πολίτη (επιβεβαιώνει ο ίδιος από το email του)").CheckAsync();
        await Page.GetByLabel("Ονοματεπώνυμο πολίτη").FillAsync("Δημήτρης Αλεξίου");
        await Page.GetByLabel("Email πολίτη").FillAsync("dimitris@example.org");
        await Page.GetByLabel("Κινητό πολίτη").FillAsync("6947777777");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Κλείσιμο ραντεβού" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("κλείστηκε");
        var row = Page.Locator("tr", new() { HasText = "Δημήτρης Αλεξίου" });
        await Expect(row).ToContainTextAsync("Αναμένει επιβεβαίωση πολίτη");

        var mail = await NextMailAsync(1);
        Assert.Equal("dimitris@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Διεκπεραιωτής Άλφα", mail.TextBody);
        var citizen = await Context.Browser!.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "el-GR" });
        var citizenPage = await citizen.NewPageAsync();
        await citizenPage.GotoAsync(LinkIn(mail, confirm: true));
        await citizenPage.GetByRole(AriaRole.Button, new() { Name = Texts.Greek.ConfirmButton }).ClickAsync();
        await Expect(citizenPage.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await citizen.DisposeAsync();

        await Page.ReloadAsync();
        await Expect(row).ToContainTextAsync("Οριστικό");
    }
}
