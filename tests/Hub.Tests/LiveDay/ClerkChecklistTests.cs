using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>R10: the clerk's documents checklist is saved — what was ticked, by whom, when — and audited (R12).</summary>
public sealed class ClerkChecklistTests : LiveDayTest
{
    [Fact]
    public async Task Ticks_AreSavedWithClerkAndTime_ComeBackOnReload_AndAreAudited()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var booked = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(9, 0), "papers");
        At(8, 55);
        Assert.Equal("CheckedIn", (await ScanAsync(booked.Qr)).Status);
        At(9, 0);
        var clerk = await ClerkAsync();
        var person = (await clerk.CallNextAsync(desk))!;

        var list = await ChecklistAsync(clerk, desk);
        Assert.Equal((booked.Code, booked.Label), (list.Code, list.Label));
        Assert.Equal(person.Documents, list.Items.Select(i => i.Text));
        Assert.All(list.Items, i => Assert.False(i.Checked));

        At(9, 2);
        var ticked = await CheckAsync(clerk, desk, 1, true);
        var item = ticked.Items[1];
        Assert.Equal((true, "Υπάλληλος 1", Wed(9, 2)), (item.Checked, item.CheckedBy, item.CheckedAt));
        Assert.Single(ticked.Items, i => i.Checked);
        At(9, 3);
        await CheckAsync(clerk, desk, 0, true);
        // Ticking again keeps the first tick's clerk and time.
        Assert.Equal(Wed(9, 2), (await CheckAsync(clerk, desk, 1, true)).Items[1].CheckedAt);

        // A reload (a new sign-in, too) gets the same ticks from the database.
        var reloaded = await ChecklistAsync(await ClerkAsync(), desk);
        Assert.Equal([true, true, false], reloaded.Items.Take(3).Select(i => i.Checked));
        var clerkId = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "clerk1@example.org").Select(u => u.Id).SingleAsync());
        var rows = await App.WithDbAsync(db => db.DocumentChecks.AsNoTracking().OrderBy(c => c.DocumentIndex).ToListAsync());
        Assert.Equal([0, 1], rows.Select(r => r.DocumentIndex));
        Assert.All(rows, r => Assert.Equal((booked.Id, (Guid?)null, clerkId), (r.BookingId!.Value, r.TicketId, r.CheckedBy)));
        Assert.Equal(Wed(9, 2).UtcDateTime, rows[1].CheckedUtc);
        // What was ticked is kept as the office's Greek text, whatever the clerk's language.
        var greek = await OkAsync<DeskChecklist>(await clerk.Http.GetAsync($"/api/desks/{desk}/current/documents?culture=el"));
        Assert.Equal(greek.Items[1].Text, rows[1].DocumentText);
        Assert.NotEqual(person.Documents[1], rows[1].DocumentText);

        At(9, 4);
        var unticked = await CheckAsync(clerk, desk, 1, false);
        Assert.Equal((false, null, null), (unticked.Items[1].Checked, unticked.Items[1].CheckedBy, unticked.Items[1].CheckedAt));
        Assert.Equal(1, await App.WithDbAsync(db => db.DocumentChecks.CountAsync()));

        // R12: each tick and untick is in the audit log, against the booking's code and the document's number.
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action.StartsWith("desk.document"))
            .OrderBy(a => a.Id).Select(a => $"{a.Action} {a.Target} {a.Status}").ToListAsync());
        Assert.Equal([$"desk.document-check {booked.Code} #2 200", $"desk.document-check {booked.Code} #1 200",
            $"desk.document-check {booked.Code} #2 200", $"desk.document-uncheck {booked.Code} #2 200"], audit);
    }

    [Fact]
    public async Task WalkInTicks_StayWithTheTicket_WhenItIsInterruptedAndCalledAgain()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        At(9, 0);
        var ticket = await WalkInAsync(await ServiceAsync("Replace old paper licence"));
        var clerk = await ClerkAsync();
        Assert.Equal(ticket.Ticket, (await clerk.CallNextAsync(desk))!.Label);
        await CheckAsync(clerk, desk, 2, true);
        await clerk.ActAsync(desk, "interrupt");
        Assert.Equal(ticket.Ticket, (await clerk.CallNextAsync(desk))!.Label);

        var list = await ChecklistAsync(clerk, desk);
        Assert.Equal((ticket.Code, ticket.Ticket), (list.Code, list.Label));
        Assert.Equal([2], list.Items.Where(i => i.Checked).Select(i => i.Index));
        var row = await App.WithDbAsync(db => db.DocumentChecks.AsNoTracking().SingleAsync());
        Assert.Null(row.BookingId);
        Assert.NotNull(row.TicketId);
    }

    [Fact]
    public async Task Checklist_WithNobodyAtTheDesk_AWrongNumber_OrNoAnswer_IsRefusedInTheRequestsLanguage()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var clerk = await ClerkAsync();
        await ProblemAssert.IsAsync(await clerk.Http.GetAsync($"/api/desks/{desk}/current/documents"), HttpStatusCode.Conflict, "DeskHasNobody", "en-header");
        await ProblemAssert.IsAsync(await clerk.Http.PutAsJsonAsync($"/api/desks/{desk}/current/documents/0", new DocumentCheckRequest(true)),
            HttpStatusCode.Conflict, "DeskHasNobody", "en-header");

        At(9, 0);
        await WalkInAsync(await ServiceAsync("Replace old paper licence"));
        clerk = await ClerkAsync();
        await clerk.CallNextAsync(desk);
        var count = (await ChecklistAsync(clerk, desk)).Items.Count;
        await ProblemAssert.IsAsync(await clerk.Http.PutAsJsonAsync($"/api/desks/{desk}/current/documents/0", new DocumentCheckRequest(null)),
            HttpStatusCode.BadRequest, "Invalid", "en-header", field: "checked");
        await ProblemAssert.IsAsync(await clerk.Http.PutAsJsonAsync($"/api/desks/{desk}/current/documents/{count}?culture=el", new DocumentCheckRequest(true)),
            HttpStatusCode.NotFound, "DeskDocumentUnknown", "el");
        Assert.Equal(0, await App.WithDbAsync(db => db.DocumentChecks.CountAsync()));
    }

    static async Task<DeskChecklist> ChecklistAsync(Clerk clerk, int desk) =>
        await OkAsync<DeskChecklist>(await clerk.Http.GetAsync($"/api/desks/{desk}/current/documents"));

    static async Task<DeskChecklist> CheckAsync(Clerk clerk, int desk, int index, bool check) =>
        await OkAsync<DeskChecklist>(await clerk.Http.PutAsJsonAsync($"/api/desks/{desk}/current/documents/{index}", new DocumentCheckRequest(check)));
}
