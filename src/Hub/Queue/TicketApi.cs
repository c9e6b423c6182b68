using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Infrastructure;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Hub.Queue;

/// <summary>
/// R6: a walk-in ticket's live state for its page <c>/t/{code}</c>, and the QR printed on the ticket that leads there.
/// The 12-character code is the capability: whoever holds the printed ticket may follow it.
/// </summary>
public static class TicketApi
{
    public static IEndpointRouteBuilder MapTicketApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/walkins/{code}", StatusAsync).WithTags("Kiosk").WithName("WalkInStatus");
        app.MapGet("/t/{code}/qr.png", QrAsync).WithTags("Kiosk").WithName("WalkInQr").ExcludeFromDescription();
        return app;
    }

    static async Task<Results<Ok<WalkInStatus>, ProblemHttpResult>> StatusAsync(
        string code, RantevouDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var ticket = await FindAsync(db, code, ct);
        if (ticket is null)
            return Problems.From(Problem.NotFound(MessageKeys.NotFoundGeneric));
        var office = await OfficeLoader.LoadAsync(db, ticket.OfficeId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var facts = await DayFacts.LoadAsync(db, office, now, ct);
        var culture = Language.Current;
        var service = await db.Services.AsNoTracking().FirstAsync(s => s.Id == ticket.ServiceId, ct);
        int? position = null, wait = null;
        if (ticket.Status == TicketStatus.Waiting && ticket.Day == facts.Day)
        {
            // The place among the tickets waiting for its service's desks, as the kiosk gave it and the snapshot does.
            var estimate = WalkInQueue.Estimate(facts, ticket, now);
            (position, wait) = (estimate.Position, estimate.WaitMinutes ?? -1);
        }
        int? desk = ticket.CalledDeskId is { } deskId
            ? await db.Desks.AsNoTracking().Where(d => d.Id == deskId).Select(d => (int?)d.Number).FirstOrDefaultAsync(ct)
            : null;
        var zone = office.TimeZone;
        return TypedResults.Ok(new WalkInStatus(ticket.Label, ticket.Status.ToString(), office.Slug, service.Name(culture),
            OfficeCalendar.ToLocal(ticket.IssuedUtc, zone), position, wait, desk,
            ticket.CalledUtc is { } called ? OfficeCalendar.ToLocal(called, zone) : null));
    }

    /// <summary>The printed ticket's QR: the absolute address of the ticket's live page, for a phone's camera.</summary>
    static async Task<Results<FileContentHttpResult, NotFound>> QrAsync(
        string code, RantevouDbContext db, IOptions<RantevouOptions> site, CancellationToken ct)
    {
        var ticket = await FindAsync(db, code, ct);
        if (ticket is null)
            return TypedResults.NotFound();
        var url = $"{site.Value.PublicBaseUrl.TrimEnd('/')}/t/{ticket.Code}";
        return TypedResults.File(QrImages.Png(url, pixelsPerModule: 6), "image/png");
    }

    static async Task<WalkInTicket?> FindAsync(RantevouDbContext db, string code, CancellationToken ct) =>
        code.Length is > 0 and <= 16 ? await db.WalkInTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code, ct) : null;
}
