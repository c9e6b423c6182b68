using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Offices;
using Rantevou.Core.Queue;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Queue;

/// <summary>The booking's place in the day for its holder (manage token), followed live by <c>/b/{code}</c>.</summary>
public static class BookingLiveApi
{
    public static IEndpointRouteBuilder MapBookingLiveApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bookings/{code}/live", LiveAsync).WithTags("Bookings").WithName("BookingLive");
        return app;
    }

    static async Task<Results<Ok<BookingLive>, ProblemHttpResult>> LiveAsync(
        string code, string? token, BookingService bookings, RantevouDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return Problems.From(found.Problem);
        var b = found.Value;
        var office = await OfficeLoader.LoadAsync(db, b.OfficeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = office.TimeZone;
        var today = OfficeCalendar.LocalDate(b.StartUtc, zone) == OfficeCalendar.LocalDate(now, zone);
        int? desk = b.CalledDeskId is { } id ? await db.Desks.Where(d => d.Id == id).Select(d => (int?)d.Number).FirstOrDefaultAsync(ct) : null;
        CallEstimate? estimate = null;
        if (today && b.Status is BookingStatus.Confirmed or BookingStatus.CheckedIn or BookingStatus.Deferred)
        {
            var facts = await DayFacts.LoadAsync(db, office, now, ct);
            estimate = CallEstimator.Estimate(QueueFactsMapper.ForService(facts, b.ServiceId), b.Id, now);
        }
        // R5: late and not here yet, the person still has until start + grace to check in.
        DateTimeOffset? checkInBy = BookingRules.CheckInBy(b, office, now) is { } by ? OfficeCalendar.ToLocal(by, zone) : null;
        return TypedResults.Ok(new BookingLive(b.Status.ToString(), today, office.Slug, desk,
            b.CalledUtc is { } called ? OfficeCalendar.ToLocal(called, zone) : null,
            estimate is null || checkInBy is not null ? null : OfficeCalendar.ToLocal(estimate.StartUtc, zone), estimate?.Ahead,
            OfficeCalendar.ToLocal(b.StartUtc, zone), checkInBy));
    }
}
