using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Devices;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Queue;

/// <summary>
/// The lobby kiosk (API.md): check-in by the scanned QR text (R3, R5) and walk-in tickets (R6).
/// Every check-in outcome, including an unknown or forged code, is a 200 with a status and a message to show.
/// </summary>
public static class KioskApi
{
    public static IEndpointRouteBuilder MapKioskApi(this IEndpointRouteBuilder app)
    {
        // Only a registered kiosk (ADR 0015): an anonymous client could otherwise take every ticket of the day.
        var api = app.MapGroup("/api/kiosk").WithTags("Kiosk").RequireRateLimiting(RateLimits.Kiosk).RequireKiosk();
        api.MapPost("/checkin", (CheckInRequest r, HttpContext http, CheckInService s, RantevouDbContext db, TimeProvider clock, CancellationToken ct) =>
            Answer(r, (qr, c) => s.CheckInAsync(qr, http.Kiosk().OfficeId, c), db, clock, ct)).WithName("KioskCheckIn");
        api.MapPost("/checkin/end-of-day", (CheckInRequest r, HttpContext http, CheckInService s, RantevouDbContext db, TimeProvider clock, CancellationToken ct) =>
            Answer(r, (qr, c) => s.EndOfDayAsync(qr, http.Kiosk().OfficeId, c), db, clock, ct)).WithName("KioskEndOfDay");
        // R6: as many tickets a minute as the lobby printer can print, per kiosk (RateLimits.KioskTickets).
        // Asked as a visitor starts a walk-in, so a closed office says so (and when it opens) before a service is chosen.
        api.MapGet("/walkins/hours", async (HttpContext http, WalkInService walkIns, CancellationToken ct) =>
        {
            var hours = await walkIns.HoursAsync(http.Kiosk().OfficeId, ct);
            return TypedResults.Ok(new WalkInHoursResult(hours.Open, hours.Opens, hours.Closed is { } p ? Problems.From(p).ProblemDetails.Title : null));
        }).WithName("KioskWalkInHours");
        api.MapPost("/walkins", IssueAsync).WithName("KioskWalkIn").RequireRateLimiting(RateLimits.KioskTickets);
        return app;
    }

    static async Task<Results<Ok<CheckInResult>, ProblemHttpResult>> Answer(CheckInRequest request,
        Func<string?, CancellationToken, Task<CheckIn>> operation, RantevouDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Qr) || request.Qr.Length > 512)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["qr"] = [MessageKeys.QrRequired] }));
        var result = await operation(request.Qr, ct);
        var office = result.Booking is { } b ? await OfficeLoader.LoadAsync(db, b.OfficeId, ct) : null;
        return TypedResults.Ok(ToResult(result, office, clock.GetUtcNow().UtcDateTime));
    }

    static CheckInResult ToResult(CheckIn c, Office? office, DateTime nowUtc)
    {
        if (c.Booking is not { } booking || office is null)
            return new CheckInResult(null, c.Status.ToString(), c.DeskNumber, Messages.Text("CheckIn.Unknown"), null, c.EndOfDay?.Fits, null);
        var culture = CultureInfo.CurrentUICulture;
        var zone = office.TimeZone;
        DateTimeOffset? Local(DateTime? utc) => utc is { } u ? OfficeCalendar.ToLocal(u, zone) : null;
        string Time(DateTime? utc) => Local(utc)?.ToString("HH:mm", culture) ?? "";
        string Date(DateTime? utc) => Local(utc)?.ToString("dddd d MMMM yyyy, HH:mm", culture) ?? "";
        var code = BookingCode.Display(booking.Code);
        // A cancelled, released, void or expired booking is told what happened to it, on its own day or another: "another
        // day" would send the person home to come back for nothing.
        var otherDay = c.Status == CheckInStatus.WrongDay;
        var status = otherDay && Closure(booking.Status) is { } closed ? closed : c.Status;
        var endOfDayFits = c.EndOfDay?.Fits;
        // R5: an end of the day that falls within the next minute (the desk has nothing else left) is "in a few
        // minutes": "at about 09:52" read at 09:52 sounds like a mistake.
        var soon = c.EndOfDay?.StartUtc is { } at && at <= nowUtc.AddMinutes(1);
        // R5: only an expiry of today leaves the choice of the end of the day; not another day's, nor the office's closing.
        if (status == CheckInStatus.Expired && (otherDay || booking.CheckedInUtc is not null))
            endOfDayFits = false;
        var message = status switch
        {
            CheckInStatus.CheckedIn when booking.Late => Messages.Text("CheckIn.CheckedInLate", code, c.DeskNumber ?? 0),
            CheckInStatus.CheckedIn => Messages.Text("CheckIn.CheckedIn", code, c.DeskNumber ?? 0, Time(c.ExpectedUtc)),
            CheckInStatus.Late => $"{Messages.Text("CheckIn.Late", code)} {Estimate()}",
            CheckInStatus.Deferred when soon => Messages.Text("CheckIn.DeferredSoon", code),
            CheckInStatus.Deferred => Messages.Text("CheckIn.Deferred", code, Time(c.EndOfDay?.StartUtc)),
            CheckInStatus.Early => Early(),
            CheckInStatus.WrongDay => Messages.Text("CheckIn.WrongDay", code, Date(c.ExpectedUtc)),
            CheckInStatus.NotConfirmed => Messages.Text("CheckIn.NotConfirmed", code),
            CheckInStatus.Cancelled when booking.Status == BookingStatus.Released => Messages.Text("CheckIn.Released", code),
            CheckInStatus.Cancelled => Messages.Text("CheckIn.Cancelled", code),
            CheckInStatus.Void => Messages.Text("CheckIn.Void", code),
            CheckInStatus.Expired when otherDay => Messages.Text("CheckIn.ExpiredOtherDay", code, Date(c.ExpectedUtc)),
            CheckInStatus.Expired when booking.CheckedInUtc is not null => Messages.Text("CheckIn.ExpiredDayClosed", code),
            CheckInStatus.Expired when c.EndOfDay is { Fits: false } => Messages.Text("CheckIn.ExpiredNoTime", code),
            CheckInStatus.Expired => Messages.Text("CheckIn.Expired", code),
            CheckInStatus.AlreadyCheckedIn => Messages.Text("CheckIn.AlreadyCheckedIn", code),
            CheckInStatus.Called => Messages.Text("CheckIn.Called", code, c.DeskNumber ?? 0),
            CheckInStatus.Served => Messages.Text("CheckIn.Served", code),
            CheckInStatus.NoShow => Messages.Text("CheckIn.NoShow", code, c.DeskNumber ?? 0),
            _ => Messages.Text("CheckIn.Unknown"),
        };
        return new CheckInResult(code, status.ToString(), c.DeskNumber, message, Local(c.ExpectedUtc),
            endOfDayFits, Local(c.EndOfDay?.StartUtc), c.EndOfDay?.StartUtc is null ? null : soon);

        string Estimate() => c.EndOfDay is not { Fits: true } e ? Messages.Text("CheckIn.LateNoTime")
            : soon ? Messages.Text("CheckIn.LateEstimateSoon")
            : Messages.Text("CheckIn.LateEstimate", Time(e.StartUtc));

        // Early is also the answer to an end-of-day choice asked before the start, which carries no opening time: the
        // person is told when check-in opens, or that it is open and they are not late — never "opens at ." with a gap.
        string Early()
        {
            var opens = c.OpensUtc ?? c.ExpectedUtc?.AddMinutes(-office.CheckInOpensMinutes);
            return opens > nowUtc
                ? Messages.Text("CheckIn.Early", code, Time(c.ExpectedUtc), Time(opens))
                : Messages.Text("CheckIn.NotLate", code, Time(c.ExpectedUtc));
        }
    }

    static CheckInStatus? Closure(BookingStatus s) => s switch
    {
        BookingStatus.Cancelled or BookingStatus.Released => CheckInStatus.Cancelled,
        BookingStatus.Void => CheckInStatus.Void,
        BookingStatus.Expired => CheckInStatus.Expired,
        _ => null,
    };

    static async Task<Results<Created<WalkInResult>, ProblemHttpResult>> IssueAsync(
        WalkInRequest request, string? office, HttpContext http, WalkInService walkIns, RantevouDbContext db,
        CancellationToken ct)
    {
        // The kiosk issues its own office's tickets; an ?office= naming another is a mistake to say, not to follow.
        var kiosk = http.Kiosk();
        if (!string.IsNullOrWhiteSpace(office))
        {
            var named = await OfficeDirectory.ResolveAsync(db, office, ct);
            if (named is null)
                return Problems.From(Problem.NotFound(MessageKeys.OfficeUnknown));
            if (named.Id != kiosk.OfficeId)
                return Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.DeviceOtherOffice);
        }
        var outcome = await walkIns.IssueAsync(kiosk.OfficeId, request.ServiceId, request.Priority, ct);
        if (!outcome.Ok)
            return Problems.From(outcome.Problem);
        var t = outcome.Value;
        return TypedResults.Created($"/t/{t.Ticket.Code}", new WalkInResult(t.Ticket.Label, t.Position, t.EstimatedWaitMinutes, t.Ticket.Code, $"/t/{t.Ticket.Code}"));
    }
}
