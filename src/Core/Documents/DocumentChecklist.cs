using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;

namespace Rantevou.Core.Documents;

/// <summary>
/// R10: the clerk's checklist of the required documents of the person at a desk, saved tick by tick, so a reload, another
/// screen or a later call of the same person (after an interrupt, R13) shows what was already checked, by whom and when.
/// </summary>
public sealed class DocumentChecklist(RantevouDbContext db, DeskDayService desks, TimeProvider clock)
{
    public async Task<Outcome<DeskChecklist>> ForDeskAsync(int deskId, CancellationToken ct)
    {
        var found = await PersonAsync(deskId, ct);
        return found.Ok ? await ListAsync(found.Value, ct) : found.Problem;
    }

    /// <summary>Ticks (or unticks) document <paramref name="index"/> of the service's list for the person at the desk.</summary>
    public async Task<Outcome<DeskChecklist>> SetAsync(int deskId, int index, bool check, string userId, CancellationToken ct)
    {
        var found = await PersonAsync(deskId, ct);
        if (!found.Ok)
            return found.Problem;
        var person = found.Value;
        if (index < 0 || index >= person.Documents.Count)
            return Problem.NotFound(DeskMessageKeys.DeskDocumentUnknown);
        var existing = await Checks(person).Where(c => c.DocumentIndex == index).FirstOrDefaultAsync(ct);
        var text = person.Documents[index].TextEl;
        if (check && existing?.DocumentText == text)
            return await ListAsync(person, ct); // already ticked: the first tick's clerk and time stand
        if (existing is not null)
            db.DocumentChecks.Remove(existing); // an untick, or a tick left from before an admin changed the list (R11)
        if (check)
        {
            db.DocumentChecks.Add(new DocumentCheck
            {
                BookingId = person.BookingId,
                TicketId = person.TicketId,
                DocumentIndex = index,
                DocumentText = text,
                CheckedBy = userId,
                CheckedUtc = clock.GetUtcNow().UtcDateTime,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Ticked at the same moment from elsewhere: that tick stands.
            db.ChangeTracker.Clear();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Unticked at the same moment from elsewhere: it is gone either way.
            db.ChangeTracker.Clear();
        }
        return await ListAsync(person, ct);
    }

    async Task<Outcome<Person>> PersonAsync(int deskId, CancellationToken ct)
    {
        var now = await desks.NowAsync(deskId, ct);
        if (!now.Ok)
            return now.Problem;
        var (booking, ticket, office) = (now.Value.Booking, now.Value.Ticket, now.Value.Office);
        if (booking is null && ticket is null)
            return Problem.Conflict(MessageKeys.DeskHasNobody);
        var serviceId = booking?.ServiceId ?? ticket!.ServiceId;
        var documents = await db.ServiceDocuments.AsNoTracking().Where(d => d.ServiceId == serviceId).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToListAsync(ct);
        return booking is not null
            ? new Person(booking.Id, null, booking.Code, BookingCode.Display(booking.Code), documents, office)
            : new Person(null, ticket!.Id, ticket.Code, ticket.Label, documents, office);
    }

    IQueryable<DocumentCheck> Checks(Person p) => p.BookingId is { } booking
        ? db.DocumentChecks.Where(c => c.BookingId == booking)
        : db.DocumentChecks.Where(c => c.TicketId == p.TicketId);

    async Task<DeskChecklist> ListAsync(Person person, CancellationToken ct)
    {
        var culture = Language.Current;
        var checks = await Checks(person).AsNoTracking().ToListAsync(ct);
        var ids = checks.Select(c => c.CheckedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName is { Length: > 0 } n ? n : u.Email ?? "", ct);
        var items = person.Documents.Select((d, i) =>
        {
            // A tick counts for the document it was made on; if the list changed since (R11), the clerk checks again.
            var check = checks.FirstOrDefault(c => c.DocumentIndex == i && c.DocumentText == d.TextEl);
            return check is null
                ? new DocumentCheckItem(i, d.Text(culture), false, null, null)
                : new DocumentCheckItem(i, d.Text(culture), true, names.GetValueOrDefault(check.CheckedBy, ""),
                    OfficeCalendar.ToLocal(check.CheckedUtc, person.Office.TimeZone));
        }).ToList();
        return new DeskChecklist(person.Code, person.Label, items);
    }

    sealed record Person(Guid? BookingId, Guid? TicketId, string Code, string Label, IReadOnlyList<ServiceDocument> Documents, Office Office);
}
