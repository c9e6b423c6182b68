using System.Net.Http.Json;
using Microsoft.Playwright;
using Rantevou.Contracts.Queue;
using static Microsoft.Playwright.Assertions;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>
/// The display shows a card for every active desk, idle ones too, from the office's snapshot. An admin who opens another
/// desk in a busy morning, or closes one, sees the wall follow at once (R11): nobody goes to reload the display.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisplayDeskListTests(BrowserFixture browser)
{
    [Fact]
    public async Task ADeskTheAdminAdds_AppearsOnTheOpenDisplay_AndOneSwitchedOff_Leaves_WithoutAReload()
    {
        var server = LiveApp.At(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(2))).Start();
        var wall = await browser.Browser.NewContextAsync(new() { Locale = "el-GR", ViewportSize = new() { Width = 1920, Height = 1080 } });
        var office = await browser.Browser.NewContextAsync(new() { Locale = "el-GR" });
        try
        {
            using var http = server.Http();
            var desk2 = (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!.Single(d => d.Number == 2);
            var display = await wall.NewPageAsync();
            await display.GotoAsync(server.BaseUrl + "/display");
            await Expect(display.Locator("#status")).ToBeHiddenAsync();
            await Expect(display.Locator("#desks .desk-no")).ToHaveTextAsync(["1", "2", "3", "4", "5", "6"]);
            await display.EvaluateAsync("window.sameDocument = true");

            var admin = await office.NewPageAsync();
            await admin.GotoAsync(server.BaseUrl + "/admin/desks");
            await admin.GetByLabel("Email").FillAsync("admin@example.org");
            await admin.GetByLabel("Κωδικός πρόσβασης").FillAsync("Demo!2026");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Σύνδεση" }).ClickAsync();
            var form = admin.Locator("#new-form");
            await form.GetByLabel("Ενεργή").CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = "Προσθήκη θυρίδας" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Θυρίδα 7", Exact = true })).ToBeVisibleAsync();
            await Expect(display.Locator("#desks .desk-no")).ToHaveTextAsync(["1", "2", "3", "4", "5", "6", "7"]);
            await Expect(display.Locator("#desks .desk").Last).ToHaveClassAsync("desk free");

            var card = admin.Locator($"#desk{desk2.Id}-form");
            await card.GetByLabel("Ενεργή").UncheckAsync();
            await card.GetByRole(AriaRole.Button, new() { Name = "Αποθήκευση" }).ClickAsync();
            await Expect(admin.Locator($"#desk{desk2.Id}-form h2")).ToContainTextAsync("(ανενεργή)");
            await Expect(display.Locator("#desks .desk-no")).ToHaveTextAsync(["1", "3", "4", "5", "6", "7"]);
            Assert.True(await display.EvaluateAsync<bool>("window.sameDocument === true"));
        }
        finally
        {
            await office.CloseAsync();
            await wall.CloseAsync();
            await server.DisposeAsync();
        }
    }
}
