using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Accounts;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Booking;
using Rantevou.Hub.Infrastructure;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Queue;

/// <summary>
/// Desks, the display's snapshot, and the clerk's actions (API.md). Clerk actions need a clerk or an admin of the desk's
/// office (<see cref="StaffScope"/>).
/// </summary>
public static class DeskApi
{
    public static IEndpointRouteBuilder MapDeskApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/queue/snapshot", SnapshotAsync).WithTags("Queue").WithName("QueueSnapshot");
        app.MapGet("/api/desks", ListAsync).WithTags("Desks").WithName("ListDesks");

        var desk = app.MapGroup("/api/desks/{deskId:int}").WithTags("Desks").RequireAuthorization(Policies.Staff).RequireOwnDesk();
        desk.MapGet("/day", DayAsync).WithName("DeskDay");
        desk.MapPost("/call-next", CallNextAsync).WithName("CallNext").Audited("desk.call-next");
        desk.MapPost("/complete", (int deskId, DeskActions a, CancellationToken ct) => Person(a.CompleteAsync(deskId, ct))).Audited("desk.complete");
        desk.MapPost("/no-show", NoShowAsync).Audited("desk.no-show");
        desk.MapPost("/interrupt", (int deskId, DeskActions a, CancellationToken ct) => Person(a.InterruptAsync(deskId, ct))).Audited("desk.interrupt");
        desk.MapPost("/recall", (int deskId, DeskActions a, CancellationToken ct) => Person(a.RecallAsync(deskId, ct))).Audited("desk.recall");
        desk.MapPost("/defer", DeferAsync).Audited("desk.defer");
        desk.MapDeskChecklist();

        app.MapPost("/api/bookings/{code}/void", VoidAsync).WithTags("Bookings").WithName("VoidBooking").RequireAuthorization(Policies.Staff)
            .RequireOwnBooking().Audited("booking.void");
        return app;
    }

    static async Task<Results<Ok<QueueSnapshot>, ProblemHttpResult>> SnapshotAsync(
        string? office, RantevouDbContext db, SnapshotService snapshots, CancellationToken ct)
    {
        var found = await OfficeDirectory.ResolveAsync(db, office, ct);
        return found is null
            ? Problems.From(Problem.NotFound(MessageKeys.OfficeUnknown))
            : TypedResults.Ok(await snapshots.ForOfficeAsync(await OfficeLoader.LoadAsync(db, found.Id, ct), ct));
    }

    static async Task<Results<Ok<List<DeskDto>>, ProblemHttpResult>> ListAsync(
        string? office, RantevouDbContext db, CancellationToken ct)
    {
        var found = await OfficeDirectory.ResolveAsync(db, office, ct);
        if (found is null)
            return Problems.From(Problem.NotFound(MessageKeys.OfficeUnknown));
        var culture = Language.Current;
        var desks = await db.Desks.AsNoTracking().Where(d => d.OfficeId == found.Id && d.Active).Include(d => d.Services).OrderBy(d => d.Number).ToListAsync(ct);
        return TypedResults.Ok(desks.Select(d => new DeskDto(d.Id, d.Number, d.Name(culture), d.Services.Select(s => s.ServiceId).Order().ToList())).ToList());
    }

    /// <summary>
    /// R6: <c>?gap=judged</c> is the clerk judging a gap that no waiting service fits by its time long enough: the first
    /// walk-in in order is called if their service ends by closing. Anything else in <c>gap</c> is a 400. <c>?code=</c> calls
    /// an appointment waiting at a desk nobody works (R3), 409 <c>NotWaitingElsewhere</c> when it is not (or no longer).
    /// </summary>
    static async Task<Results<Ok<CalledPerson>, NoContent, ProblemHttpResult>> CallNextAsync(
        int deskId, string? gap, string? code, ClaimsPrincipal user, DeskActions actions, CancellationToken ct)
    {
        if (gap is not (null or "judged"))
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["gap"] = [MessageKeys.GapInvalid] }));
        var outcome = await actions.CallNextAsync(deskId, user.FindFirstValue(ClaimTypes.NameIdentifier), ct, gapJudged: gap is "judged", code);
        if (!outcome.Ok)
            return Problems.From(outcome.Problem);
        return outcome.Value is { } person ? TypedResults.Ok(person) : TypedResults.NoContent();
    }

    static async Task<Results<Ok<CalledPerson>, ProblemHttpResult>> Person(Task<Outcome<CalledPerson>> operation)
    {
        var outcome = await operation;
        return outcome.Ok ? TypedResults.Ok(outcome.Value) : Problems.From(outcome.Problem);
    }

    /// <summary>
    /// R12: a no-show counts against the person (and mails them), so one recorded before the appointment's time — most
    /// likely a slip, the person may still be on the way — needs <c>?confirm=true</c>; the 409 names the time.
    /// </summary>
    static async Task<Results<Ok<CalledPerson>, ProblemHttpResult>> NoShowAsync(
        int deskId, bool? confirm, DeskDayService days, DeskActions actions, CancellationToken ct)
    {
        if (confirm != true && await days.NowAsync(deskId, ct) is { Ok: true, Value: { Booking: { } booking } now } && now.NowUtc < booking.StartUtc)
        {
            var start = OfficeCalendar.ToLocal(booking.StartUtc, now.Office.TimeZone);
            var details = new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Messages.Text(DeskMessageKeys.NoShowBeforeStart, start.ToString("HH:mm", CultureInfo.InvariantCulture)),
            };
            details.Extensions["code"] = DeskMessageKeys.NoShowBeforeStart;
            details.Extensions["scheduledAt"] = start;
            return TypedResults.Problem(details);
        }
        return await Person(actions.NoShowAsync(deskId, ct));
    }

    /// <summary>R5: "end of the day" is for appointments; a walk-in steps back with interrupt instead (R13), so say so rather than "nobody here".</summary>
    static async Task<Results<Ok<CalledPerson>, ProblemHttpResult>> DeferAsync(
        int deskId, DeskDayService days, DeskActions actions, CancellationToken ct)
    {
        if (await days.NowAsync(deskId, ct) is { Ok: true, Value.Ticket: not null })
            return Problems.From(Problem.Conflict(DeskMessageKeys.DeferWalkIn));
        return await Person(actions.DeferAsync(deskId, ct));
    }

    static async Task<Results<Ok<DeskDay>, ProblemHttpResult>> DayAsync(
        int deskId, DeskDayService days, CancellationToken ct)
    {
        var outcome = await days.ForDeskAsync(deskId, ct);
        return outcome.Ok ? TypedResults.Ok(DeskDayViews.ToDto(outcome.Value)) : Problems.From(outcome.Problem);
    }

    static async Task<Results<Ok<BookingDto>, ProblemHttpResult>> VoidAsync(
        string code, VoidRequest request, BookingClosures closures, RantevouDbContext db, CancellationToken ct)
    {
        Outcome<BookingEntity> outcome = await closures.VoidAsync(code, request.Reason, ct);
        return outcome.Ok ? TypedResults.Ok(await BookingViews.ToDtoAsync(db, outcome.Value, ct)) : Problems.From(outcome.Problem);
    }
}
