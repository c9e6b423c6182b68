using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Core.Slots;

namespace Rantevou.Core.Booking;

public sealed record NewBooking(int? ServiceId, string? Start, string? FullName, string? Email, string? Mobile, string Culture, AgentContext? Agent = null);

/// <summary>
/// Online booking (R1, R2, R7, R9): every change is one transaction holding the booking, its slot
/// claims and its outbox mail; the outbox is signalled only after the commit.
/// </summary>
public sealed partial class BookingService(
    RantevouDbContext db, TimeProvider clock, BookingTokens tokens, IBookingMail mail,
    IOptions<AgentOptions> agents, LiveDay.ExpiryWake expiry, LiveDay.DayChanges changes, Telemetry.RantevouMetrics? metrics = null)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<Booking>> CreateAsync(NewBooking request, CancellationToken ct)
    {
        var outcome = await CreateOrRefuseAsync(request, ct);
        metrics?.Booking(outcome.Problem?.MessageKey ?? "created");
        return outcome;
    }

    async Task<Outcome<Booking>> CreateOrRefuseAsync(NewBooking request, CancellationToken ct)
    {
        // R7: an agent booking for itself is the client, with the details of its account.
        if (request.Agent is { ForCitizen: false } self)
            request = request with { FullName = self.Name, Email = self.Email, Mobile = self.Mobile };
        var errors = new Dictionary<string, string[]>();
        var name = ContactRules.NormalizeFullName(request.FullName);
        var email = ContactRules.NormalizeEmail(request.Email);
        var mobile = ContactRules.NormalizeMobile(request.Mobile);
        if (name is null)
            errors["fullName"] = [string.IsNullOrWhiteSpace(request.FullName) ? MessageKeys.Required : MessageKeys.FullNameInvalid];
        if (email is null)
            errors["email"] = [string.IsNullOrWhiteSpace(request.Email) ? MessageKeys.Required : MessageKeys.EmailInvalid];
        if (mobile is null)
            errors["mobile"] = [string.IsNullOrWhiteSpace(request.Mobile) ? MessageKeys.Required : MessageKeys.MobileInvalid];
        var service = request.ServiceId is { } id ? await db.Services.AsNoTracking().Include(s => s.Documents).FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (service is null)
            errors["serviceId"] = [request.ServiceId is null ? MessageKeys.Required : MessageKeys.ServiceUnknown];
        Office? office = service is null ? null : await OfficeLoader.LoadAsync(db, service.OfficeId, ct);
        var start = office is null ? null : ParseStart(request.Start, office.TimeZone);
        if (start is null)
            errors["start"] = [string.IsNullOrWhiteSpace(request.Start) ? MessageKeys.Required : MessageKeys.StartInvalid];
        if (errors.Count > 0)
            return Problem.Invalid(errors);
        if (!service!.Active)
            return Problem.Unprocessable(MessageKeys.ServiceInactive);
        if (BookingRules.CheckStart(office!, service, start!.Value, Now) is { } notBookable)
            return notBookable;

        var booking = new Booking
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Code = BookingCode.New(),
            OfficeId = office!.Id,
            ServiceId = service.Id,
            StartUtc = start.Value,
            EndUtc = start.Value.AddMinutes(service.DurationMinutes),
            DurationMinutes = service.DurationMinutes,
            Status = BookingStatus.Pending,
            FullName = name!,
            Email = email!,
            Mobile = mobile!,
            Culture = request.Culture == "en" ? "en" : "el",
            CreatedUtc = Now,
            HoldUntilUtc = Now.AddMinutes(office.HoldMinutes),
            AgentId = request.Agent?.UserId,
            AgentName = request.Agent?.Name,
        };
        var kind = MailKind.Created;
        if (request.Agent is { ForCitizen: false })
        {
            // The account proved its address when the administrators created it (R8): final at once.
            (booking.Status, booking.ConfirmedUtc, booking.HoldUntilUtc, kind) = (BookingStatus.Confirmed, Now, null, MailKind.Confirmed);
        }
        else if (request.Agent is not null)
        {
            // R7: final only when the citizen confirms from the email, within the configured time (never after the start).
            var until = Now.AddMinutes(agents.Value.CitizenConfirmMinutes);
            booking.HoldUntilUtc = until < booking.StartUtc ? until : booking.StartUtc;
        }
        return await PlaceAsync(booking, service, office, kind, ct) is { } problem ? problem : booking;
    }

    /// <summary>
    /// Tries each free desk that serves the service; the slot-claim key decides races. The person's limits (R12) are
    /// counted inside the same serializable transaction as the insert, so a burst cannot slip past them.
    /// A problem when a limit is reached or every desk was taken (409).
    /// </summary>
    async Task<Problem?> PlaceAsync(Booking booking, Service service, Office office, MailKind kind, CancellationToken ct)
    {
        var day = OfficeCalendar.LocalDate(booking.StartUtc, office.TimeZone);
        foreach (var desk in await CandidateDesksAsync(service.Id, booking.StartUtc, booking.EndUtc, booking.Id, ct))
        {
            booking.DeskId = desk.Id;
            db.ChangeTracker.Clear();
            // R2 (ADR 0003): the mail is rendered (QR, calendar file, MIME) before the transaction and written inside
            // it, so it still commits or rolls back with the booking while the write lock is held only for the inserts.
            var message = mail.Compose(kind, booking, service, office, desk);
            Problem? limit = null;
            try
            {
                if (await changes.RunAsync(office, day, async change =>
                    {
                        limit = await AgentQuotaAsync(booking, office, ct) ?? await PersonLimitAsync(booking, office, ct);
                        if (limit is not null)
                            return false;
                        db.Bookings.Add(booking);
                        db.SlotClaims.AddRange(SlotClaim.For(booking));
                        change.Mail(message);
                        change.Tell(QueueEventKind.BookingChanged, BookingCode.Display(booking.Code));
                        return true;
                    }, ct, System.Data.IsolationLevel.Serializable))
                {
                    ConfirmedDeadline(booking, office);
                    return null;
                }
                return limit;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another booking took this desk's time first; try the next desk.
                db.ChangeTracker.Clear();
            }
        }
        db.ChangeTracker.Clear();
        return Problem.Conflict(MessageKeys.SlotTaken);
    }

    /// <summary>R5: a confirmed booking expires at start + grace; the expiry scheduler hears of it (a no-op unless it is soon).</summary>
    void ConfirmedDeadline(Booking b, Office office)
    {
        if (b.Status == BookingStatus.Confirmed)
            expiry.Deadline(b.StartUtc.AddMinutes(office.GraceMinutes));
    }

    /// <summary>
    /// R12: an agent makes at most its own quota (<see cref="Accounts.AppUser.DailyQuota"/>), else the office's
    /// <see cref="Office.AgentDailyQuota"/>, bookings per office day. The count and the override are read inside the insert's transaction.
    /// </summary>
    async Task<Problem?> AgentQuotaAsync(Booking b, Office office, CancellationToken ct)
    {
        if (b.AgentId is null)
            return null;
        var day = OfficeCalendar.LocalDate(Now, office.TimeZone);
        var from = OfficeCalendar.ToUtc(day, TimeOnly.MinValue, office.TimeZone);
        var made = await db.Bookings.CountAsync(x => x.AgentId == b.AgentId && x.CreatedUtc >= from, ct);
        var own = await db.Users.AsNoTracking().Where(u => u.Id == b.AgentId).Select(u => u.DailyQuota).FirstOrDefaultAsync(ct);
        return made >= (own ?? office.AgentDailyQuota) ? Problem.Conflict(MessageKeys.AgentQuota) : null;
    }

    /// <summary>
    /// R12: one person (the same email or the same mobile) holds at most <see cref="Office.ActivePerService"/>
    /// upcoming bookings of a service and makes at most <see cref="Office.PerDay"/> bookings for one day:
    /// no hoarding of slots for resale. The limits are the office's settings (R11: the administrators change them).
    /// </summary>
    async Task<Problem?> PersonLimitAsync(Booking b, Office office, CancellationToken ct)
    {
        if (b.AgentId is not null && b.Status == BookingStatus.Confirmed)
            return null; // An agent booking for itself books many times as itself; its quota applies instead.
        // The indexed keys (Booking.EmailKey, Mobile): the count reads a handful of rows, not the whole table.
        var email = b.EmailKey;
        var now = Now;
        var mine = db.Bookings.AsNoTracking().Where(x => (x.EmailKey == email || x.Mobile == b.Mobile)
            && (x.Status == BookingStatus.Pending || x.Status == BookingStatus.Confirmed));
        if (await mine.CountAsync(x => x.ServiceId == b.ServiceId && x.EndUtc > now, ct) >= office.ActivePerService)
            return Problem.Conflict(MessageKeys.PersonServiceLimit);
        var day = OfficeCalendar.LocalDate(b.StartUtc, office.TimeZone);
        var from = OfficeCalendar.ToUtc(day, TimeOnly.MinValue, office.TimeZone);
        var to = OfficeCalendar.ToUtc(day.AddDays(1), TimeOnly.MinValue, office.TimeZone);
        if (await mine.CountAsync(x => x.StartUtc >= from && x.StartUtc < to, ct) >= office.PerDay)
            return Problem.Conflict(MessageKeys.PersonDayLimit);
        if (office.NoShowLimit > 0)
        {
            // The consequence of the no-show record: repeated no-shows lose online booking for a while (R12).
            var since = now.AddDays(-office.NoShowWindowDays);
            var noShows = await db.Bookings.AsNoTracking().CountAsync(x => (x.EmailKey == email || x.Mobile == b.Mobile)
                && x.Status == BookingStatus.NoShow && x.StartUtc >= since, ct);
            if (noShows >= office.NoShowLimit)
                return Problem.Conflict(MessageKeys.NoShowBlocked);
        }
        return null;
    }

    /// <summary>Desks serving the service with no claim in [start, end), least busy that day first.</summary>
    async Task<List<Desk>> CandidateDesksAsync(int serviceId, DateTime start, DateTime end, Guid ignoreBooking, CancellationToken ct)
    {
        // Two queries, not four: every booking runs this, and each query costs more than the rows it reads.
        var desks = await db.Desks.AsNoTracking().Where(d => AvailabilityService.DesksServing(db, serviceId).Contains(d.Id)).ToListAsync(ct);
        var deskIds = desks.Select(d => d.Id).ToList();
        var (dayStart, dayEnd) = (start.Date, start.Date.AddDays(1));
        var claims = await db.SlotClaims.AsNoTracking()
            .Where(c => deskIds.Contains(c.DeskId)
                && ((c.UnitStartUtc >= dayStart && c.UnitStartUtc < dayEnd) || (c.UnitStartUtc >= start && c.UnitStartUtc < end)))
            .GroupBy(c => c.DeskId)
            .Select(g => new
            {
                Desk = g.Key,
                Units = g.Count(c => c.UnitStartUtc >= dayStart && c.UnitStartUtc < dayEnd),
                Taken = g.Count(c => c.UnitStartUtc >= start && c.UnitStartUtc < end && c.BookingId != ignoreBooking),
            })
            .ToListAsync(ct);
        return desks.Where(d => !claims.Any(c => c.Desk == d.Id && c.Taken > 0))
            .OrderBy(d => claims.FirstOrDefault(c => c.Desk == d.Id)?.Units ?? 0).ThenBy(d => d.Number).ToList();
    }

    /// <summary>An ISO 8601 instant; without an offset it is read as office local time.</summary>
    public static DateTime? ParseStart(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
            return null;
        var styles = System.Globalization.DateTimeStyles.None;
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        if (HasOffset(text) && DateTimeOffset.TryParse(text, inv, styles, out var withOffset))
            return withOffset.UtcDateTime;
        if (DateTime.TryParse(text, inv, styles, out var local) && local.Kind == DateTimeKind.Unspecified && !zone.IsInvalidTime(local))
            return TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return null;
    }

    static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
