using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Audit;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>
/// R11: an office that opens another desk adds it, numbered after the last, and it takes bookings at once. The demo
/// office's first service is served at desks 1–3, so three bookings fill a time.
/// </summary>
public sealed class DeskAddTests : AdminTest
{
    [Fact]
    public async Task ADeskAdded_IsNumberedAfterTheLast_AndTakesTheBookingAFullTimeRefused()
    {
        var service = await ServiceAsync();
        var start = (await FreeStartsAsync(service.Id, Wednesday))[0];
        for (var i = 0; i < 3; i++)
            await Http.BookOkAsync(service.Id, start, $"person{i}@example.org");
        Assert.Equal(HttpStatusCode.Conflict, (await Http.BookAsync(service.Id, start, email: "late@example.org")).StatusCode);
        var last = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Max(d => d.Number);

        var added = await Admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit(" Θυρίδα Δ ", "Desk D", true, [service.Id]));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var desk = (await added.Content.ReadFromJsonAsync<AdminDesk>())!;
        Assert.Equal((last + 1, "Θυρίδα Δ", "Desk D", true), (desk.Number, desk.NameEl, desk.NameEn, desk.Active));
        Assert.Equal([service.Id], desk.ServiceIds);
        Assert.Equal($"/api/admin/desks/{desk.Id}", added.Headers.Location?.ToString());
        var booked = await Http.BookOkAsync(service.Id, start, "late@example.org");
        Assert.Equal(desk.Id, (await RowAsync(booked.Code)).DeskId);
        var audit = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "admin.desk.create"));
        Assert.Equal((AuditOutcome.Succeeded, desk.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (audit.Outcome, audit.Target));
    }

    [Fact]
    public async Task ADeskSwitchedOffWhenAdded_TakesNoBookings()
    {
        var service = await ServiceAsync();
        var start = (await FreeStartsAsync(service.Id, Wednesday))[0];
        for (var i = 0; i < 3; i++)
            await Http.BookOkAsync(service.Id, start, $"person{i}@example.org");

        var added = await Admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit("Θυρίδα Δ", "Desk D", false, [service.Id]));

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Http.BookAsync(service.Id, start, email: "late@example.org")).StatusCode);
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        Assert.Contains("Θυρίδα 7 (ανενεργή)</h2>", await admin.GetStringAsync("/admin/desks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeskServingNothing_SaysOnItsCard_ThatItTakesNoAppointments()
    {
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit("Θυρίδα Δ", "Desk D", true, []))).StatusCode);
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var page = await admin.GetStringAsync("/admin/desks");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "Δεν εξυπηρετεί καμία υπηρεσία: δεν παίρνει ραντεβού"));
    }

    [Fact]
    public async Task ANameLongerThanTheColumn_OrAnUnknownService_IsRefusedOnItsField_AndAddsNothing()
    {
        const string language = "en-header"; // the page test below reads the Greek
        var before = await Db(db => db.Desks.CountAsync());
        var longName = new string('Θ', Rantevou.Core.Offices.Desk.NameMaxLength + 1);

        var tooLong = await Admin.SendAsync(ProblemAssert.Request(language, HttpMethod.Post, "/api/admin/desks",
            JsonContent.Create(new DeskEdit(longName, "Desk D", true, []))));
        var unknown = await Admin.SendAsync(ProblemAssert.Request(language, HttpMethod.Post, "/api/admin/desks",
            JsonContent.Create(new DeskEdit("Θυρίδα Δ", "Desk D", true, [999_999]))));
        var empty = await Admin.SendAsync(ProblemAssert.Request(language, HttpMethod.Post, "/api/admin/desks",
            JsonContent.Create(new DeskEdit("Θυρίδα Δ", "  ", true, []))));

        await ProblemAssert.IsAsync(tooLong, HttpStatusCode.BadRequest, MessageKeys.Invalid, language, "nameEl");
        await ProblemAssert.IsAsync(unknown, HttpStatusCode.BadRequest, MessageKeys.Invalid, language, "serviceIds");
        await ProblemAssert.IsAsync(empty, HttpStatusCode.BadRequest, MessageKeys.Invalid, language, "nameEn");
        var message = (await tooLong.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors").GetProperty("nameEl")[0].GetString();
        Assert.Equal("Enter the desk's name (up to 100 characters).", message);
        Assert.Equal(before, await Db(db => db.Desks.CountAsync()));
    }

    [Fact]
    public async Task RenamingADesk_BeyondTheColumn_IsRefused_NotCutOrFailed()
    {
        var desk = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.First();

        var response = await Admin.PutAsJsonAsync($"/api/admin/desks/{desk.Id}",
            new DeskEdit(desk.NameEl, new string('D', Rantevou.Core.Offices.Desk.NameMaxLength + 1), desk.Active, desk.ServiceIds));

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, MessageKeys.Invalid, "en-header", "nameEn");
    }

    [Fact]
    public async Task OnTheDesksPage_TheNewDeskForm_OffersTheNextNumbersName_SwitchedOff_AndAddsIt()
    {
        var desks = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!;
        var next = desks.Max(d => d.Number) + 1;
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        Assert.Contains($"value=\"Θυρίδα {next}\"", await admin.GetStringAsync("/admin/desks"), StringComparison.Ordinal);

        var empty = await PageForms.SubmitAsync(admin, "/admin/desks", "id=\"new-form\"", f => f.Set("new-nameEn", "").Set("new-nameEl", ""));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        // The summary at the top names each field: the one message stands for both names.
        var emptyPage = await empty.Content.ReadAsStringAsync();
        Assert.Contains("Όνομα (ελληνικά): Συμπληρώστε το όνομα της θυρίδας", emptyPage, StringComparison.Ordinal);
        Assert.Contains("Όνομα (αγγλικά): Συμπληρώστε το όνομα της θυρίδας", emptyPage, StringComparison.Ordinal);
        Assert.Equal(desks.Count, (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Count);

        var added = await PageForms.SubmitAsync(admin, "/admin/desks", "id=\"new-form\"", f => { });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var desk = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Number == next);
        // Off until switched on: the least busy desk takes the next bookings, and nobody works at this one yet.
        Assert.Equal(($"Θυρίδα {next}", $"Desk {next}", false), (desk.NameEl, desk.NameEn, desk.Active));
        Assert.Equal((await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services"))!.Where(s => s.Active).Select(s => s.Id).Order(), desk.ServiceIds);
        // Back at the new desk's own card, with the notice there: the top of a long page is out of sight.
        Assert.EndsWith($"#desk{desk.Id}-form", added.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await admin.GetStringAsync(added.Headers.Location!.ToString());
        Assert.Contains($"Η θυρίδα {next} προστέθηκε", CardOf(page, desk.Id), StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "προστέθηκε"));

        var saved = await PageForms.SubmitAsync(admin, "/admin/desks", $"id=\"desk{desk.Id}-form\"", f => f.Set($"desk{desk.Id}-nameEn", "Desk Seven"));
        Assert.EndsWith($"#desk{desk.Id}-form", saved.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Οι αλλαγές αποθηκεύτηκαν", CardOf(await admin.GetStringAsync(saved.Headers.Location!.ToString()), desk.Id), StringComparison.Ordinal);
    }

    static string CardOf(string page, int deskId)
    {
        var start = page.IndexOf($"id=\"desk{deskId}-form\"", StringComparison.Ordinal);
        return page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task AFormOfferingANumberAnotherDeskTookSince_IsRefused409_SoNoDeskIsNamedForAnotherNumber()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        var stale = await admin.GetStringAsync("/admin/desks");
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit("Θυρίδα Χ", "Desk X", false, []))).StatusCode);
        var count = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Count;

        var refused = await PageForms.SubmitAsync(admin, "/admin/desks", "id=\"new-form\"", f => { }, html: stale);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Μόλις προστέθηκε άλλη θυρίδα", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(count, (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Count);
    }

    [Fact]
    public async Task AnOfficeOfFiftyDesks_TakesNoMore()
    {
        var have = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Count;
        for (var i = have; i < Core.Admin.AdminOffices.MaxDesks; i++)
            Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit($"Θ {i}", $"D {i}", false, []))).StatusCode);

        var refused = await Admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit("Θυρίδα 51", "Desk 51", false, []));

        await ProblemAssert.IsAsync(refused, HttpStatusCode.UnprocessableEntity, MessageKeys.DeskCountInvalid, "en-header");
    }

    [Fact]
    public async Task TheAuditLog_NamesADeskByTheNumberThePagesShow_AndLinksToEveryEntryOnIt()
    {
        var added = await Admin.PostAsJsonAsync("/api/admin/desks", new DeskEdit("Θυρίδα Δ", "Desk D", false, []));
        var desk = (await added.Content.ReadFromJsonAsync<AdminDesk>())!;
        Assert.NotEqual(desk.Id, desk.Number); // the demo's second office took ids too
        var admin = await PageForms.SignInAsync(App, "admin@example.org");

        var page = await admin.GetStringAsync("/admin/audit?action=admin.desk.");

        Assert.Contains($"<a href=\"/admin/audit?target={desk.Id}\">Θυρίδα {desk.Number}</a>", page, StringComparison.Ordinal);
    }

    Task<Core.Booking.Booking> RowAsync(string code) => Db(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Code == code));
}
