using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Time;

namespace Rantevou.Core.Audit;

/// <summary>The filters of an audit search as typed (query string or form); all optional.</summary>
public sealed record AuditQuery(string? Actor, string? Action, string? Target, string? From, string? To, string? Page, string? Person = null);

/// <summary>
/// R12: administrators search the audit log by actor (user name or id), action (exact, or a prefix ending in a dot such
/// as <c>admin.</c>), target, a person (their email: every action on their bookings, by the R12 person key, so
/// <c>maria+x@gmail.com</c> finds <c>maria@gmail.com</c>'s bookings too), and a range of office-local dates, newest
/// first, a page at a time. Bad input is a
/// <see cref="Problem"/>: malformed dates or page 400, a range that ends before it starts 422.
/// </summary>
public sealed class AuditSearch(RantevouDbContext db)
{
    public const int PageSize = 50;
    const int MaxFilter = 128;

    public async Task<Outcome<AuditPageDto>> SearchAsync(AuditQuery query, TimeZoneInfo zone, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Date(query.From, "from", errors);
        var to = Date(query.To, "to", errors);
        var page = 1;
        if (!string.IsNullOrWhiteSpace(query.Page) && (!int.TryParse(query.Page, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            errors["page"] = [MessageKeys.PageInvalid];
        foreach (var (name, value) in new[] { ("actor", query.Actor), ("action", query.Action), ("target", query.Target), ("person", query.Person) })
            if (value?.Length > MaxFilter)
                errors[name] = [MessageKeys.FilterTooLong];
        var person = Trim(query.Person);
        var personEmail = person is null ? null : ContactRules.NormalizeEmail(person);
        if (person is not null && personEmail is null && !errors.ContainsKey("person"))
            errors["person"] = [MessageKeys.EmailInvalid];
        if (errors.Count > 0)
            return Problem.Invalid(errors);
        if (from > to)
            return Problem.Unprocessable(MessageKeys.DateRangeInvalid);

        var rows = db.AuditEntries.AsNoTracking();
        // A user name is an email: found however it is typed ("ADMIN@example.org").
        if (Trim(query.Actor) is { } actor && actor.ToLowerInvariant() is var lower)
            rows = rows.Where(a => a.ActorName.ToLower() == lower || a.ActorId == actor);
        if (Trim(query.Action) is { } action)
            rows = action.EndsWith('.') ? rows.Where(a => a.Action.StartsWith(action)) : rows.Where(a => a.Action == action);
        if (Trim(query.Target) is { } target)
            rows = rows.Where(a => a.Target == target);
        if (personEmail is not null)
        {
            // Audit entries name a booking by its code, as typed in the address (with or without the dash).
            var key = ContactRules.PersonKey(personEmail);
            var codes = await db.Bookings.AsNoTracking().Where(b => b.EmailKey == key).Select(b => b.Code).ToListAsync(ct);
            var targets = codes.Concat(codes.Select(BookingCode.Display)).Distinct().ToList();
            rows = rows.Where(a => a.Target != null && targets.Contains(a.Target));
        }
        // Office-local days, so "1 December" means the office's 1 December, daylight saving included.
        if (from is { } f)
        {
            var start = OfficeCalendar.DayStartUtc(f, zone);
            rows = rows.Where(a => a.AtUtc >= start);
        }
        if (to is { } t)
        {
            var end = OfficeCalendar.DayUtc(t, zone).To;
            rows = rows.Where(a => a.AtUtc < end);
        }

        var total = await rows.CountAsync(ct);
        var found = await rows.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var items = found.Select(a => new AuditEntryDto(a.Id, OfficeCalendar.ToLocal(a.AtUtc, zone), a.ActorId, a.ActorName, a.ActorRole,
            a.Action, a.Target, a.Status, a.Outcome.ToString(), a.Channel.ToString(), a.ClientIp, a.Reason)).ToList();
        return new AuditPageDto(items, page, PageSize, total);
    }

    static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (IsoDate.Parse(text.Trim()) is { Year: >= 2000 and <= 9000 } d)
            return d;
        errors[field] = [MessageKeys.DateInvalid];
        return null;
    }
}
