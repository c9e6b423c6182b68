using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
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
        var api = app.MapGroup("/api/kiosk").WithTags("Kiosk").RequireRateLimiting(RateLimits.Kiosk);
        api.MapPost("/checkin", (CheckInRequest r, CheckInService s, RantevouDbContext db, IStringLocalizer<Messages> t, CancellationToken ct) =>
            Answer(r, s.CheckInAsync, db, t, ct)).WithName("KioskCheckIn");
        api.MapPost("/checkin/end-of-day", (CheckInRequest r, CheckInService s, RantevouDbContext db, IStringLocalizer<Messages> t, CancellationToken ct) =>
            Answer(r, s.EndOfDayAsync, db, t, ct)).WithName("KioskEndOfDay");
        api.MapPost("/walkins", IssueAsync).WithName("KioskWalkIn");
        return app;
    }

    static async Task<Results<Ok<CheckInResult>, ProblemHttpResult>> Answer(CheckInRequest request,
        Func<string?, CancellationToken, Task<CheckIn>> operation, RantevouDbContext db, IStringLocalizer<Messages> text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Qr) || request.Qr.Length > 512)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["qr"] = [MessageKeys.QrRequired] }), text);
        var result = await operation(request.Qr, ct);
        var zone = result.Booking is { } b ? (await OfficeLoader.LoadAsync(db, b.OfficeId, ct)).TimeZone : null;
        return TypedResults.Ok(ToResult(result, zone, text));
    }

    static CheckInResult ToResult(CheckIn c, TimeZoneInfo? zone, IStringLocalizer<Messages> text)
    {
        var culture = CultureInfo.CurrentUICulture;
        string Time(DateTime? utc) => utc is { } u && zone is not null ? OfficeCalendar.ToLocal(u, zone).ToString("HH:mm", culture) : "";
        string Date(DateTime? utc) => utc is { } u && zone is not null ? OfficeCalendar.ToLocal(u, zone).ToString("dddd d MMMM yyyy, HH:mm", culture) : "";
        var code = c.Booking is { } b ? BookingCode.Display(b.Code) : null;
        var message = c.Status switch
        {
            CheckInStatus.CheckedIn when c.Booking!.Late => text["CheckIn.CheckedInLate", code!, c.DeskNumber ?? 0],
            CheckInStatus.CheckedIn => text["CheckIn.CheckedIn", code!, c.DeskNumber ?? 0, Time(c.ExpectedUtc)],
            CheckInStatus.Late => $"{text["CheckIn.Late", code!]} {(c.EndOfDay!.Fits ? text["CheckIn.LateEstimate", Time(c.EndOfDay.StartUtc)] : text["CheckIn.LateNoTime"])}",
            CheckInStatus.Deferred => text["CheckIn.Deferred", code!, Time(c.EndOfDay?.StartUtc)],
            CheckInStatus.Early => text["CheckIn.Early", code!, Time(c.ExpectedUtc), Time(c.OpensUtc)],
            CheckInStatus.WrongDay => text["CheckIn.WrongDay", code!, Date(c.ExpectedUtc)],
            CheckInStatus.Unknown => text["CheckIn.Unknown"],
            _ => text[$"CheckIn.{c.Status}", code ?? ""],
        };
        DateTimeOffset? Local(DateTime? utc) => utc is { } u && zone is not null ? OfficeCalendar.ToLocal(u, zone) : null;
        return new CheckInResult(code, c.Status.ToString(), c.DeskNumber, message, Local(c.ExpectedUtc),
            c.EndOfDay?.Fits, Local(c.EndOfDay?.StartUtc));
    }

    static async Task<Results<Created<WalkInResult>, ProblemHttpResult>> IssueAsync(
        WalkInRequest request, string? office, WalkInService walkIns, RantevouDbContext db, IStringLocalizer<Messages> text, CancellationToken ct)
    {
        var found = await OfficeDirectory.ResolveAsync(db, office, ct);
        if (found is null)
            return Problems.From(Problem.NotFound(MessageKeys.OfficeUnknown), text);
        var outcome = await walkIns.IssueAsync(found.Id, request.ServiceId, request.Priority, ct);
        if (!outcome.Ok)
            return Problems.From(outcome.Problem!, text);
        var t = outcome.Value!;
        return TypedResults.Created($"/t/{t.Ticket.Code}", new WalkInResult(t.Ticket.Label, t.Position, t.EstimatedWaitMinutes, t.Ticket.Code, $"/t/{t.Ticket.Code}"));
    }
}
