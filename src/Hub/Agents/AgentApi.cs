using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Agents;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Time;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Booking;
using Rantevou.Hub.Infrastructure;

namespace Rantevou.Hub.Agents;

/// <summary>
/// R7: driving schools and processing agents book through their accounts — as themselves (final at once) or for a
/// citizen, who must confirm from their own email. Each agent sees only its own bookings.
/// </summary>
public static class AgentApi
{
    public static IEndpointRouteBuilder MapAgentApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agent").WithTags("Agents").RequireAuthorization(Policies.Agent);
        api.MapPost("/bookings", CreateAsync).WithName("AgentCreateBooking").RequireRateLimiting(RateLimits.Booking)
            .Audited("agent.booking.create");
        api.MapGet("/bookings", ListAsync).WithName("AgentBookings");
        return app;
    }

    static async Task<Results<Created<BookingCreatedDto>, ProblemHttpResult>> CreateAsync(
        AgentBookingRequest request, HttpContext http, UserManager<AppUser> users, BookingService bookings, BookingTokens tokens,
        OfficeConfigCache configs, RantevouDbContext db, CancellationToken ct)
    {
        var agent = AgentContext.Of(await users.GetUserAsync(http.User), request.Citizen is not null, request.Note);
        if (agent is null)
            return Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.Forbidden);
        var c = request.Citizen;
        var outcome = await bookings.CreateAsync(new NewBooking(request.ServiceId, request.Start, c?.FullName, c?.Email, c?.Mobile,
            Language.Current, agent), ct);
        if (!outcome.Ok)
            return Problems.From(outcome.Problem);
        var b = outcome.Value;
        return TypedResults.Created($"/api/bookings/{b.Code}", await BookingViews.ToCreatedAsync(configs, db, b, tokens, ct));
    }

    /// <summary>The agent's bookings of one local day (default today), or matching a code, name, email or note.</summary>
    static async Task<Results<Ok<List<AgentBookingDto>>, ProblemHttpResult>> ListAsync(
        string? date, string? q, HttpContext http, UserManager<AppUser> users, BookingTokens tokens, RantevouDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var agent = await users.GetUserAsync(http.User);
        if (agent is null)
            return Problems.Status(StatusCodes.Status403Forbidden, MessageKeys.Forbidden);
        // Every office of the directorate keeps Greek time; the agent's own office decides the day.
        var zone = (await OfficeDirectory.OfAccountAsync(db, agent.OfficeId, ct)).TimeZone;
        var asked = IsoDate.Parse(date);
        if (!string.IsNullOrEmpty(date) && asked is null)
            return Problems.From(Problem.Invalid(new Dictionary<string, string[]> { ["date"] = [MessageKeys.DateInvalid] }));
        var day = asked ?? OfficeCalendar.LocalDate(clock.GetUtcNow().UtcDateTime, zone);
        var culture = Language.Current;
        var names = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name(culture), ct);
        var rows = await AgentBookingsQuery.ListAsync(db, agent.Id, day, q, zone, ct);
        return TypedResults.Ok(rows.Select(b => new AgentBookingDto(b.Code, b.Status.ToString(), OfficeCalendar.ToLocal(b.StartUtc, zone),
            b.ServiceId, names.GetValueOrDefault(b.ServiceId, ""), b.FullName, b.Email,
            !string.Equals(b.Email, agent.Email, StringComparison.OrdinalIgnoreCase), tokens.Manage(b.Id), b.AgentNote)).ToList());
    }
}
