using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Audit;
using Rantevou.Core.Booking;
using Rantevou.Core.Localization;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>
/// R11: switching a desk off (or taking a service from it) does not cancel a booking another desk of the service can take
/// at the same time: it moves there, without asking, and its holder is mailed (R2). Only what cannot move is listed for
/// confirmation and cancelled. The demo office's first service is served at desks 1–3.
/// </summary>
public class DeskMovesTests : AdminTest
{
    [Fact]
    public async Task SwitchingADeskOff_MovesItsBookingToAFreeDeskOfTheService_SameTime_WithoutAsking_AndMailsIt()
    {
        var service = await ServiceAsync();
        var start = (await FreeStartsAsync(service.Id, Wednesday))[0];
        var booked = await Http.BookOkAsync(service.Id, start, "anna@example.org");
        var before = await RowAsync(booked.Code);

        var response = await Admin.PutAsJsonAsync($"/api/admin/desks/{before.DeskId}", await OffAsync(before.DeskId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = (await response.Content.ReadFromJsonAsync<ChangeDone>())!;
        Assert.Equal((0, 1), (done.Cancelled.Count, done.Moved));
        var after = await RowAsync(booked.Code);
        Assert.NotEqual(before.DeskId, after.DeskId);
        Assert.Equal((before.Status, before.StartUtc, before.EndUtc), (after.Status, after.StartUtc, after.EndUtc));
        Assert.True(await Db(db => db.DeskServices.AnyAsync(s => s.DeskId == after.DeskId && s.ServiceId == service.Id)));
        var claims = await Db(db => db.SlotClaims.Where(c => c.BookingId == after.Id).Select(c => c.DeskId).ToListAsync());
        Assert.NotEmpty(claims);
        Assert.All(claims, d => Assert.Equal(after.DeskId, d));
        Assert.Equal(["Created", "DeskChanged"], (await MailKindsAsync(after.Id)).Order()); // one instant of the test clock
        await App.DispatchMailAsync();
        var mail = (await Smtp.WaitForAsync(2)).Single(m => m.Subject!.Contains("ίδια ώρα, άλλη θυρίδα", StringComparison.Ordinal));
        var newDesk = await Db(db => db.Desks.SingleAsync(d => d.Id == after.DeskId));
        Assert.Contains(newDesk.NameEl, mail.TextBody!, StringComparison.Ordinal);
        var oldDesk = await Db(db => db.Desks.SingleAsync(d => d.Id == before.DeskId));
        Assert.Contains($"Προηγούμενη θυρίδα: {oldDesk.NameEl}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Προηγούμενη ώρα", mail.TextBody, StringComparison.Ordinal); // the same time
        Assert.Contains("Το γραφείο άλλαξε τις θυρίδες του", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABookingNoOtherDeskCanTake_IsListedForConfirmation_WhileTheOthersMove()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var full = new List<BookingCreatedDto>();
        for (var i = 0; i < 3; i++)
            full.Add(await Http.BookOkAsync(service.Id, starts[0], $"person{i}@example.org"));
        Assert.Equal(3, (await Task.WhenAll(full.Select(b => RowAsync(b.Code)))).Select(r => r.DeskId).Distinct().Count());
        var later = await Http.BookOkAsync(service.Id, starts[12], "later@example.org");
        var desk = (await RowAsync(later.Code)).DeskId;
        var stuck = (await Task.WhenAll(full.Select(b => RowAsync(b.Code)))).Single(r => r.DeskId == desk);
        var off = await OffAsync(desk);

        var asked = await Admin.PutAsJsonAsync($"/api/admin/desks/{desk}", off);

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var problem = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(MessageKeys.AffectsBookings, problem.GetProperty("code").GetString());
        Assert.Equal([BookingCode.Display(stuck.Code)], problem.GetProperty("affected").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
        Assert.Equal(1, problem.GetProperty("moved").GetInt32());
        Assert.Equal(desk, (await RowAsync(later.Code)).DeskId); // nothing moved until confirmed

        var confirmed = await Admin.PutAsJsonAsync($"/api/admin/desks/{desk}?confirm=true", off);

        var done = (await confirmed.Content.ReadFromJsonAsync<ChangeDone>())!;
        Assert.Equal([BookingCode.Display(stuck.Code)], done.Cancelled.Select(c => c.Code));
        Assert.Equal(1, done.Moved);
        Assert.Equal("Cancelled", await StatusAsync(stuck.Code));
        // The audit log tells the question from a refusal: asked, then done.
        Assert.Equal([AuditOutcome.Asked, AuditOutcome.Succeeded],
            await Db(db => db.AuditEntries.Where(a => a.Action == "admin.desk.update").OrderBy(a => a.Id).Select(a => a.Outcome).ToListAsync()));
        Assert.NotEqual(desk, (await RowAsync(later.Code)).DeskId);
        Assert.Equal("Pending", await StatusAsync(later.Code));
    }

    [Fact]
    public async Task OnTheDesksPage_TheQuestionListsWhoIsCancelled_AndWhoMoves()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var full = new List<BookingCreatedDto>();
        for (var i = 0; i < 3; i++)
            full.Add(await Http.BookOkAsync(service.Id, starts[0], $"person{i}@example.org"));
        var later = await Http.BookOkAsync(service.Id, starts[12], "later@example.org");
        var desk = (await RowAsync(later.Code)).DeskId;
        var stuck = (await Task.WhenAll(full.Select(b => RowAsync(b.Code)))).Single(r => r.DeskId == desk);
        var admin = await Support.PageForms.SignInAsync(App, "admin@example.org");

        var asked = await Support.PageForms.SubmitAsync(admin, "/admin/desks", $"name=\"id\" value=\"{desk}\"", f => f.Tick("active", false));

        var html = await asked.Content.ReadAsStringAsync();
        var question = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"error-summary\" role=\"alert\"[\\s\\S]*?</div>\\s*</div>").Value;
        var moving = question.IndexOf("Επίσης 1 ραντεβού μεταφέρεται", StringComparison.Ordinal);
        Assert.True(moving > 0, question);
        Assert.InRange(question.IndexOf(BookingCode.Display(stuck.Code), StringComparison.Ordinal), 0, moving);
        Assert.True(question.IndexOf(BookingCode.Display(later.Code), StringComparison.Ordinal) > moving, question);
    }

    [Fact]
    public async Task OnTheDesksPage_SwitchingADeskOff_AsksBeforeMovingAnyone_AndMovesOnlyOnConfirmation()
    {
        var service = await ServiceAsync();
        var booked = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "anna@example.org");
        var before = await RowAsync(booked.Code);
        var admin = await Support.PageForms.SignInAsync(App, "admin@example.org");
        var formOf = $"name=\"id\" value=\"{before.DeskId}\"";

        var asked = await (await Support.PageForms.SubmitAsync(admin, "/admin/desks", formOf, f => f.Tick("active", false))).Content.ReadAsStringAsync();

        // R11: who would be moved (and mailed) is shown first; nothing has happened yet.
        var question = WebUtility.HtmlDecode(asked);
        Assert.Contains("Η αλλαγή μεταφέρει ραντεβού σε άλλη θυρίδα", question, StringComparison.Ordinal);
        Assert.Contains(BookingCode.Display(booked.Code), question, StringComparison.Ordinal);
        Assert.Contains("Επιβεβαίωση: αποθήκευση και μεταφορά 1 ραντεβού", question, StringComparison.Ordinal);
        Assert.Equal(before.DeskId, (await RowAsync(booked.Code)).DeskId);
        Assert.True(await Db(db => db.Desks.Where(d => d.Id == before.DeskId).Select(d => d.Active).SingleAsync()));
        Assert.Equal(["Created"], await MailKindsAsync(before.Id));

        var form = Support.HtmlForm.Find(asked, formOf);
        form.Tick("active", false);
        var confirmed = await admin.PostAsync(form.Action ?? "/admin/desks", new FormUrlEncodedContent([.. form.Submit(), new("confirm", "true")]));
        Assert.True(confirmed.IsSuccessStatusCode || confirmed.StatusCode == HttpStatusCode.Redirect, confirmed.StatusCode.ToString());
        Assert.NotEqual(before.DeskId, (await RowAsync(booked.Code)).DeskId);
        Assert.Equal(["Created", "DeskChanged"], (await MailKindsAsync(before.Id)).Order());
    }

    Task<Core.Booking.Booking> RowAsync(string code) => Db(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Code == code));

    async Task<DeskEdit> OffAsync(int deskId)
    {
        var desk = (await Admin.GetFromJsonAsync<List<AdminDesk>>("/api/admin/desks"))!.Single(d => d.Id == deskId);
        return new DeskEdit(desk.NameEl, desk.NameEn, false, desk.ServiceIds);
    }
}

/// <summary>The same moves on PostgreSQL, where the claims' keys are checked as the change runs.</summary>
[Trait("Database", "PostgreSql")]
public sealed class DeskMovesTestsOnPostgres : DeskMovesTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
