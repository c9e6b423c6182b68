using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Booking;

/// <summary>
/// A booking as its holder sees it, on the pages and in the API alike: names in the request's language, office local
/// times, and the documents to bring (R10).
/// </summary>
public sealed record BookingView(
    Booking Booking, string Code, string Service, IReadOnlyList<string> Documents, string Desk,
    DateTimeOffset Start, DateTimeOffset End, DateTimeOffset? HoldUntil, Office Office)
{
    public static async Task<BookingView> LoadAsync(RantevouDbContext db, Booking b, string culture, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Documents).FirstAsync(s => s.Id == b.ServiceId, ct);
        var desk = await db.Desks.AsNoTracking().FirstAsync(d => d.Id == b.DeskId, ct);
        var office = await OfficeLoader.LoadAsync(db, b.OfficeId, ct);
        var zone = office.TimeZone;
        return new BookingView(
            b, BookingCode.Display(b.Code), service.Name(culture),
            service.Documents.OrderBy(d => d.SortOrder).Select(d => d.Text(culture)).ToList(), desk.Name(culture),
            OfficeCalendar.ToLocal(b.StartUtc, zone), OfficeCalendar.ToLocal(b.EndUtc, zone),
            b.HoldUntilUtc is { } hold ? OfficeCalendar.ToLocal(hold, zone) : null, office);
    }
}
