using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Core.Outcomes;
using Rantevou.Core.Slots;

namespace Rantevou.Core.Booking;

public sealed record NewBooking(int? ServiceId, string? Start, string? FullName, string? Email, string? Mobile, string Culture, AgentContext? Agent = null);

/// <summary>
/// Online booking (R1, R2, R7, R9): every change is one transaction holding the booking, its slot
/// claims and its outbox mail; the outbox is signalled only after the commit.
/// </summary>
public sealed partial class BookingService(
    RantevouDbContext db, TimeProvider clock, BookingTokens tokens, IBookingMail mail, IOptions<AgentOptions> agents,
    LiveDay.ExpiryWake expiry, LiveDay.DayChanges changes, OfficeConfigCache configs, Telemetry.RantevouMetrics? metrics = null)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<Outcome<Booking>> CreateAsync(NewBooking request, CancellationToken ct)
    {
        var outcome = await CreateOrRefuseAsync(request, ct);
        metrics?.Booking(outcome.Problem?.MessageKey ?? "created");
        return outcome;
    }

    /// <summary>
    /// First with this node's copy of the office's configuration (ADR 0016). The copy's version is checked inside the
    /// transaction; a refusal judged before it (service off, closed, outside the hours, every desk taken) is checked with
    /// one read of the version instead. Found old (an admin changed the office, on any node), the copy is dropped and
    /// the booking judged once more from the database as it now stands.
    /// </summary>
    async Task<Outcome<Booking>> CreateOrRefuseAsync(NewBooking request, CancellationToken ct)
    {
        var copy = new CopyCheck();
        var outcome = await CreateOrRefuseAsync(request, copy, ct);
        if (outcome.Ok || copy.Used is not { } used || (copy.Confirmed && !copy.Stale))
            return outcome;
        if (!copy.Stale && await OfficeConfigCache.IsCurrentAsync(db, used, ct))
            return outcome;
        configs.Forget(used.Office.Id, used.Version);
        return await CreateOrRefuseAsync(request, null, ct);
    }

    /// <summary>What a booking learnt of the node's copy it was judged by; null when judged from a read of its own.</summary>
    sealed class CopyCheck
    {
        public OfficeConfig? Used { get; set; }

        /// <summary>The transaction found the copy's version current.</summary>
        public bool Confirmed { get; set; }

        /// <summary>The transaction found a newer version, and placed nothing.</summary>
        public bool Stale { get; set; }
    }

    async Task<Outcome<Booking>> CreateOrRefuseAsync(NewBooking request, CopyCheck? copy, CancellationToken ct)
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
        var note = AgentContext.NormalizeNote(request.Agent?.Note);
        if (note is { Length: > AgentContext.NoteMaxLength })
            errors["note"] = [MessageKeys.AgentNoteTooLong];
        var found = request.ServiceId is { } id ? await configs.ServiceAsync(db, id, ct, fresh: copy is null) : null;
        copy?.Used = found?.Config;
        var service = found?.Service;
        if (service is null)
            errors["serviceId"] = [request.ServiceId is null ? MessageKeys.Required : MessageKeys.ServiceUnknown];
        var office = found?.Config.Office;
        var start = office is null ? null : ParseStart(request.Start, office.TimeZone);
        if (start is null)
            errors["start"] = [string.IsNullOrWhiteSpace(request.Start) ? MessageKeys.Required : MessageKeys.StartInvalid];
        // Each missing piece has its error above (no office, no start).
        if (name is null || email is null || mobile is null || service is null || office is null || start is not { } startUtc || errors.Count > 0)
            return Problem.Invalid(errors);
        if (!service.Active)
            return Problem.Unprocessable(MessageKeys.ServiceInactive);
        if (BookingRules.CheckStart(office, service, startUtc, Now) is { } notBookable)
            return notBookable;

        var booking = new Booking
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()),
            Code = BookingCode.New(),
            OfficeId = office.Id,
            ServiceId = service.Id,
            StartUtc = startUtc,
            EndUtc = startUtc.AddMinutes(service.DurationMinutes),
            DurationMinutes = service.DurationMinutes,
            Status = BookingStatus.Pending,
            FullName = name,
            Email = email,
            Mobile = mobile,
            Culture = Language.Of(request.Culture),
            CreatedUtc = Now,
            HoldUntilUtc = Now.AddMinutes(office.HoldMinutes),
            AgentId = request.Agent?.UserId,
            AgentName = request.Agent?.Name,
            AgentNote = note,
        };
        var kind = MailKind.Created;
        if (request.Agent is { ForCitizen: false })
        {
            // The account proved its address when the administrators created it (R8): final at once.
            (booking.Status, booking.ConfirmedUtc, booking.HoldUntilUtc, kind) = (BookingStatus.Confirmed, Now, null, MailKind.Confirmed);
        }
        else if (request.Agent is not null)
        {
            booking.HoldUntilUtc = CitizenConfirmBy(Now, booking.StartUtc, office, agents.Value.CitizenConfirmMinutes);
        }
        return await PlaceAsync(booking, service, office, kind, copy, ct);
    }

    /// <summary>
    /// R7: an agent's booking for a citizen is final only when the citizen confirms it from their email, within the
    /// configured time. Unconfirmed, it goes back while others can still book it (the office's booking cutoff before
    /// the start), not minutes before the start; yet the citizen always has at least the office's own hold time, and
    /// never past the start.
    /// </summary>
    public static DateTime CitizenConfirmBy(DateTime nowUtc, DateTime startUtc, Office office, int confirmMinutes)
    {
        var bookable = startUtc.AddMinutes(-office.BookingCutoffMinutes);
        var least = nowUtc.AddMinutes(office.HoldMinutes);
        var until = nowUtc.AddMinutes(confirmMinutes);
        if (until > bookable)
            until = bookable > least ? bookable : least;
        return until < startUtc ? until : startUtc;
    }

    /// <summary>
    /// Tries each free desk that serves the service; the slot-claim key decides races. The person's limits (R12) are
    /// counted inside the same serializable transaction as the insert, so a burst cannot slip past them, and in the same
    /// statement the office's configuration version is read: a booking judged by an old copy is not placed
    /// (<see cref="CopyCheck.Stale"/>). The transaction is at most four commands: that read, the booking, its mail and its
    /// claims in one (<see cref="RowInsert"/>: EF's change tracking cost more than the inserts) and, for a booking of
    /// today, the day's version (update and read).
    /// A problem when a limit is reached or every desk was taken (409).
    /// </summary>
    async Task<Outcome<Booking>> PlaceAsync(Booking booking, Service service, Office office, MailKind kind, CopyCheck? copy, CancellationToken ct)
    {
        var day = OfficeCalendar.LocalDate(booking.StartUtc, office.TimeZone);
        return await OnFreeDeskAsync(service.Id, booking.StartUtc, booking.EndUtc, booking.Id, office, async desk =>
        {
            booking.DeskId = desk.Id;
            // R2 (ADR 0003): the mail is rendered (QR, calendar file, MIME) before the transaction and written inside
            // it, so it still commits or rolls back with the booking while the write lock is held only for the inserts.
            var message = mail.Compose(kind, booking, service, office, desk);
            Problem? refused = null;
            if (await changes.RunAsync(office, day, async change =>
                {
                    var counts = await CountAsync(booking, office, ct);
                    if (copy is not null)
                    {
                        copy.Stale = counts.ConfigVersion != office.ConfigVersion;
                        copy.Confirmed = !copy.Stale;
                        if (copy.Stale)
                            return false;
                    }
                    refused = Limit(booking, office, counts);
                    if (refused is not null)
                        return false;
                    await change.InsertAsync([booking, message, .. SlotClaim.For(booking)], ct);
                    change.Tell(QueueEventKind.BookingChanged, BookingCode.Display(booking.Code));
                    return true;
                }, ct, System.Data.IsolationLevel.Serializable))
            {
                ConfirmedDeadline(booking, office);
                return booking;
            }
            // Stale: nothing was placed, and the caller judges the booking again from a fresh copy.
            return copy is { Stale: true } ? Problem.Conflict(MessageKeys.SlotTaken) : refused!;
        }, ct);
    }

    /// <summary>
    /// The desk-claim loop of a new booking and of a move: <paramref name="claim"/> tries each free desk serving the
    /// service in turn, least busy first, and its answer is final. The slot-claim key decides races: a desk whose time
    /// another booking took first throws a unique violation, and the next desk is tried. 409 when every desk was taken.
    /// </summary>
    async Task<Outcome<Booking>> OnFreeDeskAsync(int serviceId, DateTime start, DateTime end, Guid bookingId, Office office,
        Func<Desk, Task<Outcome<Booking>>> claim, CancellationToken ct)
    {
        foreach (var desk in await CandidateDesksAsync(serviceId, start, end, bookingId, office.TimeZone, ct))
        {
            db.ChangeTracker.Clear();
            try
            {
                return await claim(desk);
            }
            catch (Exception e) when (DbErrors.IsUniqueViolation(e))
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
            expiry.Deadline(BookingRules.LateUntil(b, office));
    }

    /// <summary>Desks serving the service with no claim in [start, end), least busy that office day first.</summary>
    async Task<List<Desk>> CandidateDesksAsync(int serviceId, DateTime start, DateTime end, Guid ignoreBooking, TimeZoneInfo zone, CancellationToken ct)
    {
        var (dayStart, dayEnd) = OfficeCalendar.DayUtc(OfficeCalendar.LocalDate(start, zone), zone);
        var desks = await DeskLoads.For(db)(db, serviceId, dayStart, dayEnd, start, end, ignoreBooking).ToListAsync(ct);
        return desks.Where(d => !d.Taken).OrderBy(d => d.Units).ThenBy(d => d.Desk.Number).Select(d => d.Desk).ToList();
    }

    sealed record DeskLoad(Desk Desk, int Units, bool Taken);

    /// <summary>
    /// One compiled query: every booking and move runs it, and EF's work on the expression at each call (parameters,
    /// cache key) cost more than the query itself.
    /// </summary>
    static readonly CompiledQuery<Func<RantevouDbContext, int, DateTime, DateTime, DateTime, DateTime, Guid, IAsyncEnumerable<DeskLoad>>> DeskLoads = new(() =>
        EF.CompileAsyncQuery((RantevouDbContext db, int serviceId, DateTime dayStart, DateTime dayEnd, DateTime start, DateTime end, Guid ignore) =>
            db.Desks.AsNoTracking()
                .Where(d => d.Active && db.DeskServices.Any(ds => ds.DeskId == d.Id && ds.ServiceId == serviceId))
                .Select(d => new DeskLoad(
                    d,
                    db.SlotClaims.Count(c => c.DeskId == d.Id && c.UnitStartUtc >= dayStart && c.UnitStartUtc < dayEnd),
                    db.SlotClaims.Any(c => c.DeskId == d.Id && c.UnitStartUtc >= start && c.UnitStartUtc < end && c.BookingId != ignore)))));

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
