using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Booking;
using Rantevou.Core.Demo;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>R7: a booking not confirmed from its email within the office's hold time gives its time back, and the person is told (R2).</summary>
public class HoldReleaseTests : AppTest
{
    [Fact]
    public async Task UnconfirmedBooking_IsReleasedWhenHoldRunsOut_SlotFreeAgain_ReleasedMailSent()
    {
        var (service, start) = await OneDeskSlotAsync();
        var created = await Http.BookOkAsync(service.Id, start);
        Assert.DoesNotContain(start, await FreeStartsAsync(service.Id, Wednesday));

        App.Clock.Advance(TimeSpan.FromMinutes(await HoldMinutesAsync()) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await App.ReleaseHoldsAsync());
        Assert.Equal(BookingStatus.Pending, (await BookingAsync(created.Code)).Status);

        App.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await App.ReleaseHoldsAsync());

        var released = await BookingAsync(created.Code);
        Assert.Equal(BookingStatus.Released, released.Status);
        Assert.Null(released.HoldUntilUtc);
        Assert.Equal(0, await Db(db => db.SlotClaims.CountAsync()));
        Assert.Contains(start, await FreeStartsAsync(service.Id, Wednesday));

        Assert.Equal(2, await App.DispatchMailAsync());
        var mail = (await Smtp.WaitForAsync(2)).To("maria@example.org", "Το ραντεβού " + BookingCode.Display(created.Code) + " δεν επιβεβαιώθηκε");
        // Never confirmed, so no calendar entry was ever sent to cancel; "book again" opens the same service's days.
        Assert.DoesNotContain(mail.Attachments, a => a.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal($"/book/{service.Id}", mail.Link("/book").AbsolutePath);

        var other = await Http.BookAsync(service.Id, start, email: "next@example.org");
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
    }

    [Fact]
    public async Task ReleaseRunTwice_OrTwoAtOnce_GivesTheSameResult()
    {
        var service = await ServiceAsync();
        var starts = await FreeStartsAsync(service.Id, Wednesday);
        var codes = new List<string>();
        for (var i = 0; i < 6; i++)
            codes.Add((await Http.BookOkAsync(service.Id, starts[i * 6], $"p{i}@example.org")).Code);
        App.Clock.Advance(TimeSpan.FromHours(1));

        var together = await Task.WhenAll(App.ReleaseHoldsAsync(), App.ReleaseHoldsAsync());
        var snapshot = await Db(db => db.Bookings.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Code, b.Status, b.Version, b.ClosedUtc }).ToListAsync());
        Assert.Equal(0, await App.ReleaseHoldsAsync());

        Assert.Equal(6, together.Sum());
        Assert.All(snapshot, b => Assert.Equal(BookingStatus.Released, b.Status));
        Assert.Equal(snapshot, await Db(db => db.Bookings.AsNoTracking().OrderBy(b => b.Code).Select(b => new { b.Code, b.Status, b.Version, b.ClosedUtc }).ToListAsync()));
        Assert.Equal(6, await Db(db => db.Outbox.CountAsync(m => m.Kind == "Released")));
        Assert.Equal(0, await Db(db => db.SlotClaims.CountAsync()));
    }

    [Theory]
    [InlineData(false, MessageKeys.HoldExpired)]
    [InlineData(true, MessageKeys.NotChangeable)]
    public async Task ConfirmAfterHoldRanOut_Is409(bool releaseRan, string code)
    {
        var (service, start) = await OneDeskSlotAsync();
        var created = await Http.BookOkAsync(service.Id, start);
        App.Clock.Advance(TimeSpan.FromMinutes(await HoldMinutesAsync() + 1));
        if (releaseRan)
            Assert.Equal(1, await App.ReleaseHoldsAsync());

        var confirm = await ConfirmAsync(created.Code, await IdOfAsync(created.Code));

        await ProblemAssert.IsAsync(confirm, HttpStatusCode.Conflict, code, "el");
        Assert.NotEqual(BookingStatus.Confirmed, (await BookingAsync(created.Code)).Status);
    }

    [Fact]
    public async Task ConfirmedBooking_IsNeverReleased()
    {
        var (service, start) = await OneDeskSlotAsync();
        var created = await Http.BookOkAsync(service.Id, start);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await ConfirmAsync(created.Code, await IdOfAsync(created.Code))).StatusCode);

        App.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(0, await App.ReleaseHoldsAsync());

        Assert.Equal(BookingStatus.Confirmed, (await BookingAsync(created.Code)).Status);
        Assert.DoesNotContain(start, await FreeStartsAsync(service.Id, Wednesday));
    }

    async Task<(ServiceDto Service, DateTimeOffset Start)> OneDeskSlotAsync()
    {
        var service = await ServiceAsync();
        await ServeAtOneDeskAsync(service.Id);
        return (service, (await FreeStartsAsync(service.Id, Wednesday))[12]);
    }

    Task<int> HoldMinutesAsync() => Db(db => db.Offices.Where(o => o.Slug == DemoSeeder.OfficeSlug).Select(o => o.HoldMinutes).SingleAsync());
}

/// <summary>The same release sweep on PostgreSQL.</summary>
[Trait("Database", "PostgreSql")]
public sealed class HoldReleaseTestsOnPostgres : HoldReleaseTests
{
    protected override TestDatabase Database => TestDatabase.PostgreSql;
}
