using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Admin;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>
/// R11: saving an admin form as the browser submits it changes only what the admin changed. A ticked "active" box used to
/// travel after a hidden "false" of the same name, which is the value a bool binds: every save switched the thing off.
/// </summary>
public sealed class CheckboxFormTests : AdminTest
{
    [Fact]
    public async Task SavingAServiceUnchanged_OnItsPage_KeepsItActive()
    {
        var service = await AdminServiceAsync((await ServiceAsync()).Id);
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var saved = await PageForms.SubmitAsync(admin, $"/admin/services/{service.Id}", "name=\"GroupId\"", f => f.Set("NameEn", service.NameEn + " (new)"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await AdminServiceAsync(service.Id);
        Assert.Equal((service.NameEn + " (new)", true), (after.NameEn, after.Active));
    }

    [Fact]
    public async Task RenamingADesk_OnTheDesksPage_KeepsItActive_AndUntickingSwitchesItOff()
    {
        var desk = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.OrderBy(d => d.Id).First();
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        var form = $"name=\"id\" value=\"{desk.Id}\"";

        var renamed = await PageForms.SubmitAsync(admin, "/admin/desks", form, f => f.Set($"desk{desk.Id}-nameEn", "Desk one"));

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var after = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Id == desk.Id);
        Assert.Equal(("Desk one", true), (after.NameEn, after.Active));

        var off = await PageForms.SubmitAsync(admin, "/admin/desks", form, f => f.Tick("active", false));
        Assert.True(off.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);
        Assert.False((await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Id == desk.Id).Active);
        // Offered to staff still (it may open again), marked as switched off.
        Assert.Contains("Θυρίδα 1 (ανενεργή)", await admin.GetStringAsync("/admin/staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClerkWhoseDeskWasSwitchedOff_IsToldOnTheClerkScreen_WhichDeskOpenedInstead()
    {
        var desk = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Number == 1);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/admin/desks/{desk.Id}", new DeskEdit(desk.NameEl, desk.NameEn, false, desk.ServiceIds))).StatusCode);
        var clerk = await PageForms.SignInAsync(App, "clerk1@example.org");

        var own = await clerk.GetStringAsync("/clerk");
        var asked = await clerk.GetStringAsync("/clerk?desk=1");

        Assert.All([own, asked], page => Assert.Contains("Η θυρίδα 1 δεν είναι ενεργή ή δεν σας έχει ανατεθεί: ανοίχτηκε η θυρίδα 2.", page, StringComparison.Ordinal));
        Assert.DoesNotContain("δεν είναι ενεργή", await clerk.GetStringAsync("/clerk?desk=2"), StringComparison.Ordinal);
    }
}
