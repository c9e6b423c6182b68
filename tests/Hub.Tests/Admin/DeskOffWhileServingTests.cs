using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>
/// R11: a desk serving someone is not switched off under its clerk, who could then no longer finish with them (the
/// person would stay "called" all day, on the display too). Once the clerk has finished, it switches off.
/// </summary>
public sealed class DeskOffWhileServingTests : LiveDayTest
{
    [Fact]
    public async Task ADeskServingSomeone_IsNotSwitchedOff_409NamingWhom_UntilItsClerkFinishes()
    {
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        At(9, 0);
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(renewal, null))).StatusCode);
        var clerk = await ClerkAsync();
        var called = (await clerk.CallNextAsync(desk))!.Label;
        var admin = (await ClerkAsync("admin@example.org")).Http;
        var edit = (await admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Id == desk);
        var off = new DeskEdit(edit.NameEl, edit.NameEn, false, edit.ServiceIds);
        var version = await VersionAsync();

        var refused = await admin.SendAsync(ProblemAssert.Request("en-header", HttpMethod.Put, $"/api/admin/desks/{desk}?confirm=true", JsonContent.Create(off)));

        await ProblemAssert.IsAsync(refused, HttpStatusCode.Conflict, MessageKeys.DeskServingNow, "en-header");
        var title = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString();
        Assert.Equal($"The desk is serving {called} now. Switch it off once the clerk has finished with them.", title);
        Assert.Contains(1, (await SnapshotAsync()).Desks);
        Assert.Equal(version, await VersionAsync());

        await clerk.ActAsync(desk, "complete");
        var done = await admin.PutAsJsonAsync($"/api/admin/desks/{desk}?confirm=true", off);

        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());
        Assert.DoesNotContain(1, (await SnapshotAsync()).Desks);
    }

    [Fact]
    public async Task TheDesksPage_SaysWhomTheDeskIsServing_WhenSwitchingItOffIsRefused()
    {
        var desk = await DeskIdAsync(1);
        At(9, 0);
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/kiosk/walkins",
            new WalkInRequest(await ServiceAsync("Driving licence renewal"), null))).StatusCode);
        var called = (await (await ClerkAsync()).CallNextAsync(desk))!.Label;
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var refused = await PageForms.SubmitAsync(admin, "/admin/desks", $"id=\"desk{desk}-form\"", f => f.Tick("active", false));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"Η θυρίδα εξυπηρετεί τώρα τον αριθμό {called}.", page, StringComparison.Ordinal);
        // The card shows the desk as it stands: still on.
        Assert.Contains("<h2>Θυρίδα 1</h2>", page, StringComparison.Ordinal);
    }
}
