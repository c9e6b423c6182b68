using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>The clerk's API: who may use it (clerks and admins only), and voiding a booking (R9).</summary>
public sealed class ClerkApiTests : LiveDayTest
{
    static readonly string[] DeskActions = ["call-next", "complete", "no-show", "interrupt", "recall", "defer"];

    [Fact]
    public async Task DeskApi_IsClosedToAnonymousAndAgents_AndOpenToClerksAndAdmins()
    {
        var desk = await DeskIdAsync(1);
        var version = await VersionAsync();
        var forged = LiveDayTest.English(App.CreateClient());
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var agent = await Clerk.LoginAsync(App, "agent@example.org");
        var school = await Clerk.LoginAsync(App, "school@example.org");

        foreach (var action in DeskActions)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsync($"/api/desks/{desk}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsync($"/api/desks/{desk}/{action}", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(desk, action)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await school.PostAsync(desk, action)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync($"/api/desks/{desk}/day")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync($"/api/desks/{desk}/day")).StatusCode);
        var voidBody = new VoidRequest("reason");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.PostAsJsonAsync("/api/bookings/ABCDEFGH/void", voidBody)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PostAsJsonAsync("/api/bookings/ABCDEFGH/void", voidBody)).StatusCode);
        Assert.Equal(version, await VersionAsync());

        // 08:00 on an empty day: nobody to call (204); the desk has nobody to complete (409).
        var clerk = await ClerkAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsync(desk, "call-next")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync(desk, "complete")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/api/desks/{desk}/day")).StatusCode);
        var admin = await Clerk.LoginAsync(App, "admin@example.org");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(desk, "call-next")).StatusCode);

        // With someone waiting, the clerk's token calls them (200).
        var booked = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(9, 0), "authorized");
        At(8, 55);
        Assert.Equal("CheckedIn", (await ScanAsync(booked.Qr)).Status);
        At(9, 0);
        var again = await ClerkAsync();
        var response = await again.PostAsync(desk, "call-next");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(booked.Label, (await response.Content.ReadFromJsonAsync<CalledPerson>())!.Label);
    }

    [Fact]
    public async Task Void_WithAReason_FreesTheSlot_LeavesTheQueue_AndMailsTheReason()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var renewal = await ServiceAsync("Driving licence renewal");
        var wednesday = DateOnly.FromDateTime(Wed(0, 0).DateTime);
        var booked = await BookAsync(renewal, Wed(10, 0), "voidme");
        var other = await BookAsync(renewal, Wed(9, 0), "keepme");
        Assert.DoesNotContain(await Http.AvailabilityAsync(renewal, wednesday), s => s.Start == Wed(10, 0));
        await MailAsync(4);
        var clerk = await ClerkAsync();

        const string reason = "The tax number (AFM) does not match the name on the licence.";
        var response = await clerk.Http.PostAsJsonAsync($"/api/bookings/{booked.Code}/void", new VoidRequest(reason));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Void", (await response.Content.ReadFromJsonAsync<Contracts.Booking.BookingDto>())!.Status);
        var row = await RowAsync(booked);
        Assert.Equal((BookingStatus.Void, reason), (row.Status, row.StatusReason));
        Assert.Contains(await Http.AvailabilityAsync(renewal, wednesday), s => s.Start == Wed(10, 0));
        var mail = Assert.Single(await MailAsync(1));
        Assert.Equal($"Your appointment {booked.Label} has been voided", mail.Subject);
        Assert.Equal(booked.Email, mail.To.Mailboxes.Single().Address);
        Assert.Contains(reason, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), mail.HtmlBody, StringComparison.Ordinal);

        // A second void is a conflict; the person is told once.
        var twice = await clerk.Http.PostAsJsonAsync($"/api/bookings/{booked.Code}/void", new VoidRequest(reason));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(0, await App.DispatchMailAsync());

        // On the day, a checked-in person voided at the desk's screen leaves the queue (R9: not served).
        At(8, 55);
        clerk = await ClerkAsync();
        Assert.Equal("CheckedIn", (await ScanAsync(other.Qr)).Status);
        var voided = await clerk.Http.PostAsJsonAsync($"/api/bookings/{other.Label}/void", new VoidRequest("Documents not uploaded"));
        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        await MailAsync(1);
        At(9, 0);
        Assert.Null(await clerk.CallNextAsync(await DeskIdAsync(1)));
        Assert.Equal("Void", (await ScanAsync(other.Qr)).Status);
    }

    [Fact]
    public async Task Void_WithoutAReason_Is400_AndChangesNothing()
    {
        var booked = await BookAsync(await ServiceAsync("Driving licence renewal"), Wed(10, 0), "noreason");
        await MailAsync(2);
        var clerk = await ClerkAsync();
        var before = await StateAsync();
        foreach (var body in new[] { new VoidRequest(null), new VoidRequest(""), new VoidRequest("   "), new VoidRequest(new string('x', 501)) })
        {
            var response = await clerk.Http.PostAsJsonAsync($"/api/bookings/{booked.Code}/void", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            Assert.Equal("Give the reason.", problem.GetProperty("errors").GetProperty("reason")[0].GetString());
        }
        using var empty = new StringContent("", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.Http.PostAsync($"/api/bookings/{booked.Code}/void", empty)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await clerk.Http.PostAsJsonAsync("/api/bookings/ZZZZZZZZ/void", new VoidRequest("reason"))).StatusCode);
        Assert.Equal(before, await StateAsync());
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(booked));
        Assert.Equal(0, await App.DispatchMailAsync());
    }
}
