using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.Agents;

/// <summary>R7 through the real pages: an agent books for a citizen, who confirms from their own email; then it is final.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgentPortalTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task AdminCreatesAgent_AgentBooksForACitizen_CitizenConfirmsFromTheMail_PortalShowsItFinal()
    {
        // R8: only an administrator creates a partner account.
        await SignInAsync("/admin/agents", "admin@example.org", "Demo!2026");
        await Page.GetByLabel("Επωνυμία").FillAsync("Σχολή Οδηγών Ωμέγα");
        await Page.GetByLabel("Email λογαριασμού").FillAsync("omega@example.org");
        await Page.GetByLabel("Κινητό").FillAsync("6912345678");
        await Page.GetByLabel("Αρχικός κωδικός").FillAsync("Omega!2026x");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Δημιουργία λογαριασμού" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("omega@example.org");
        await Page.Context.ClearCookiesAsync();

        await SignInAsync("/agent", "omega@example.org", "Omega!2026x");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Πύλη συνεργατών");

        await Page.GetByLabel("Ημέρα", new() { Exact = true }).Nth(1).FillAsync("2026-12-02");
        // The day's free times are listed: the school picks one instead of typing times until one is free.
        await Page.GetByLabel("Ελεύθερες ώρες αυτής της ημέρας").SelectOptionAsync("10:30");
        await Expect(Page.GetByLabel("Ώρα (ανά 5 λεπτά)")).ToHaveValueAsync("10:30");
        // Booking for the account keeps no citizen's details, so none are asked for until "for a citizen" is chosen.
        await Expect(Page.GetByLabel("Ονοματεπώνυμο πολίτη")).ToBeHiddenAsync();
        await Page.GetByLabel("Για πολίτη (επιβεβαιώνει ο ίδιος από το email του)").CheckAsync();
        await Page.GetByLabel("Ονοματεπώνυμο πολίτη").FillAsync("Δημήτρης Αλεξίου");
        await Page.GetByLabel("Email πολίτη").FillAsync("dimitris@example.org");
        await Page.GetByLabel("Κινητό πολίτη").FillAsync("6947777777");
        // R7: the school's own note, for itself and the clerk.
        await Page.GetByLabel("Σημείωση (προαιρετική)").FillAsync("Φάκελος 4711");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Κλείσιμο ραντεβού" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("κλείστηκε");
        var row = Page.Locator("tr", new() { HasText = "Δημήτρης Αλεξίου" });
        await Expect(row).ToContainTextAsync("Αναμένει επιβεβαίωση πολίτη");
        await Expect(row).ToContainTextAsync("Φάκελος 4711");

        var mail = await NextMailAsync(1);
        Assert.Equal("dimitris@example.org", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Σχολή Οδηγών Ωμέγα", mail.TextBody);
        var citizen = await Context.Browser!.NewContextAsync(new() { BaseURL = App.BaseUrl, Locale = "el-GR" });
        var citizenPage = await citizen.NewPageAsync();
        await citizenPage.GotoAsync(LinkIn(mail, confirm: true));
        await citizenPage.GetByRole(AriaRole.Button, new() { Name = Texts.Greek.ConfirmButton }).ClickAsync();
        await Expect(citizenPage.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        await citizen.DisposeAsync();

        await Page.ReloadAsync();
        await Expect(row).ToContainTextAsync("Οριστικό");

        // Found again by the name as a school types it: lower case, no accents.
        await Page.GetByLabel("Αναζήτηση (κωδικός, όνομα, email, σημείωση)").FillAsync("αλεξιου");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Εμφάνιση" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Οριστικό");

        // On a school's phone the list scrolls inside its own box; the page itself never runs off the screen.
        await Page.SetViewportSizeAsync(390, 844);
        Assert.Equal(390, await Page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
    }

    [Fact]
    public async Task ARefusedBooking_SaysWhyAtTheTopWithLinksToTheFields_AndASearchShowsEachBookingsDay()
    {
        await SignInAsync("/agent", "school@example.org");
        await Page.GetByLabel("Ημέρα", new() { Exact = true }).Nth(1).FillAsync("2026-12-02");
        await Page.GetByLabel("Ελεύθερες ώρες αυτής της ημέρας").SelectOptionAsync("10:30");
        await Page.GetByLabel("Για πολίτη (επιβεβαιώνει ο ίδιος από το email του)").CheckAsync();
        await Page.GetByLabel("Ονοματεπώνυμο πολίτη").FillAsync("Δημήτρης Αλεξίου");
        await Page.GetByLabel("Email πολίτη").FillAsync("dimitris@example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Κλείσιμο ραντεβού" }).ClickAsync();

        // The page comes back at its top: the summary has the focus and names each field, in Greek (not the browser's).
        var summary = Page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToHaveCountAsync(2);
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Email πολίτη:" })).ToHaveAttributeAsync("href", "#Email");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Κινητό πολίτη:" })).ToHaveAttributeAsync("href", "#Mobile");
        await Expect(Page.GetByLabel("Email πολίτη")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByLabel("Email πολίτη")).ToHaveValueAsync("dimitris@example");
        await AssertAccessibleAsync("agent portal, refused booking");
        Assert.Equal(0, await App.WithDbAsync(db => db.Bookings.CountAsync(b => b.AgentId != null)));

        // Two bookings on two days, found by one search: each row says its day, not only its time.
        foreach (var (day, time) in new[] { ("2026-12-02", "10:30"), ("2026-12-03", "11:00") })
        {
            await Page.GetByLabel("Ημέρα", new() { Exact = true }).Nth(1).FillAsync(day);
            await Page.GetByLabel("Ελεύθερες ώρες αυτής της ημέρας").SelectOptionAsync(time);
            await Page.GetByLabel("Για πολίτη (επιβεβαιώνει ο ίδιος από το email του)").CheckAsync();
            await Page.GetByLabel("Ονοματεπώνυμο πολίτη").FillAsync("Δημήτρης Αλεξίου");
            await Page.GetByLabel("Email πολίτη").FillAsync($"dimitris.{day[^1]}@example.org");
            await Page.GetByLabel("Κινητό πολίτη").FillAsync($"694777777{day[^1]}");
            await Page.GetByRole(AriaRole.Button, new() { Name = "Κλείσιμο ραντεβού" }).ClickAsync();
            await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("κλείστηκε");
        }
        await Page.GetByLabel("Αναζήτηση (κωδικός, όνομα, email, σημείωση)").FillAsync("αλεξιου");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Εμφάνιση" }).ClickAsync();
        await Expect(Page.Locator("thead th").First).ToHaveTextAsync("Ημέρα και ώρα");
        await Expect(Page.Locator("tbody tr td:first-child")).ToHaveTextAsync(["Τετ 2 Δεκ, 10:30", "Πέμ 3 Δεκ, 11:00"]);
    }

    [Fact]
    public async Task ADoublePressOfBook_BooksOnce()
    {
        await SignInAsync("/agent", "school@example.org");
        await Page.GetByLabel("Ημέρα", new() { Exact = true }).Nth(1).FillAsync("2026-12-02");
        await Page.GetByLabel("Ελεύθερες ώρες αυτής της ημέρας").SelectOptionAsync("11:00");

        // A slow answer, as on a busy morning: the booking is made, its answer is late, and the school presses again.
        await Page.RouteAsync("**/agent", async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            await Task.Delay(1500);
            await route.FulfillAsync(new() { Response = answer });
        });
        // Two presses 0.3 s apart, in the page's own time: the first one's answer is still on its way.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Κλείσιμο ραντεβού" })
            .EvaluateAsync("b => { b.click(); setTimeout(() => b.click(), 300); }");

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("κλείστηκε");
        Assert.Equal(1, await App.WithDbAsync(db => db.Bookings.CountAsync(b => b.AgentId != null)));
    }
}
