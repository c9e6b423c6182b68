using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Admin;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// ADR 0016: each node keeps the office's configuration in memory, and an admin's change on one node is seen by the next
/// booking on every other, without Redis: the booking reads the office's configuration version inside its transaction.
/// Node A is the test's server (the admin signed in there); node B is a second server over the same database.
/// </summary>
public class OfficeConfigAcrossNodesTests : AdminTest
{
    /// <summary>A second server over the test's database, with its own memory and clock (processes on one host for SQLite).</summary>
    protected virtual RantevouApp SecondNode() =>
        new(App.DataDir, new FakeTimeProvider(RantevouApp.DefaultStart)) { KeepData = true };

    [Fact]
    public async Task ServiceChangedOnNodeA_IsSeenByTheNextBookingOnNodeB()
    {
        var service = await ServiceAsync();
        await using var nodeB = SecondNode();
        var b = nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var starts = (await b.AvailabilityAsync(service.Id, Wednesday)).Select(s => s.Start).ToList();
        var first = await b.BookOkAsync(service.Id, starts[0], "first@example.org");
        Assert.Equal(service.DurationMinutes, (await BookingAsync(first.Code)).DurationMinutes);

        var edit = EditOf(await AdminServiceAsync(service.Id)) with { DurationMinutes = service.DurationMinutes + 10 };
        Assert.Equal(HttpStatusCode.OK, (await PutServiceAsync(service.Id, edit)).StatusCode);

        var second = await b.BookOkAsync(service.Id, starts[^8], "second@example.org");
        var booked = await BookingAsync(second.Code);
        Assert.Equal(service.DurationMinutes + 10, booked.DurationMinutes);
        Assert.Equal(booked.StartUtc.AddMinutes(service.DurationMinutes + 10), booked.EndUtc);

        // Switched off on node A (its bookings cancelled once the admin confirms): node B refuses the next booking of it.
        Assert.Equal(HttpStatusCode.OK, (await PutServiceAsync(service.Id, edit with { Active = false }, confirm: true)).StatusCode);
        var refused = await LiveDay.LiveDayTest.English(b).BookAsync(service.Id, starts[^4], email: "third@example.org");
        await ProblemAssert.IsAsync(refused, HttpStatusCode.UnprocessableEntity, MessageKeys.ServiceInactive, "en-header");

        // A refusal node B's copy would give on its own is checked against the version too: switched on again, it books.
        Assert.Equal(HttpStatusCode.OK, (await PutServiceAsync(service.Id, edit with { Active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await b.BookAsync(service.Id, starts[^4], email: "third@example.org")).StatusCode);
    }

    [Fact]
    public async Task ServiceRenamedOrSwitchedOffOnNodeA_IsListedSoByNodeB()
    {
        var service = await ServiceAsync();
        await using var nodeB = SecondNode();
        var b = nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        Assert.Contains(await b.ServicesAsync(), s => s.Id == service.Id && s.Name == service.Name);

        var renamed = EditOf(await AdminServiceAsync(service.Id)) with { NameEl = "Ανανέωση άδειας οδήγησης (νέα διαδικασία)" };
        Assert.Equal(HttpStatusCode.OK, (await PutServiceAsync(service.Id, renamed)).StatusCode);
        Assert.Contains(await b.ServicesAsync(), s => s.Id == service.Id && s.Name == renamed.NameEl);

        Assert.Equal(HttpStatusCode.OK, (await PutServiceAsync(service.Id, renamed with { Active = false }, confirm: true)).StatusCode);
        Assert.DoesNotContain(await b.ServicesAsync(), s => s.Id == service.Id);
    }

    [Fact]
    public async Task OfficeSettingChangedOnNodeA_IsSeenByTheNextBookingOnNodeB()
    {
        var services = await Http.ServicesAsync();
        await using var nodeB = SecondNode();
        var b = LiveDay.LiveDayTest.English(nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false }));
        var first = (await b.AvailabilityAsync(services[0].Id, Wednesday))[0].Start;
        await b.BookOkAsync(services[0].Id, first);

        var settings = (await Admin.GetFromJsonAsync<OfficeSettings>("/api/admin/settings"))!;
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync("/api/admin/settings", settings with { PerDay = 1 })).StatusCode);

        // R12: the same person's second booking of the day is over the office's new limit, on any node.
        var again = await b.BookAsync(services[1].Id, (await b.AvailabilityAsync(services[1].Id, Wednesday))[^1].Start);
        await ProblemAssert.IsAsync(again, HttpStatusCode.Conflict, MessageKeys.PersonDayLimit, "en-header");
    }
}

/// <summary>Two nodes over one PostgreSQL database, without Redis.</summary>
[Trait("Database", "PostgreSql")]
public sealed class OfficeConfigAcrossNodesTestsOnPostgres : OfficeConfigAcrossNodesTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;

    protected override RantevouApp SecondNode()
    {
        var node = new RantevouApp();
        node.Settings["Database:Provider"] = "PostgreSql";
        node.Settings["ConnectionStrings:Rantevou"] = App.PostgresConnection;
        return node;
    }
}
