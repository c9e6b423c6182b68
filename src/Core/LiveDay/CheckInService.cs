using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Core.Queue;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.LiveDay;

public enum CheckInStatus
{
    CheckedIn,
    Late,
    Deferred,
    Early,
    WrongDay,
    NotConfirmed,
    Cancelled,
    Expired,
    Void,
    AlreadyCheckedIn,
    /// <summary>Being called to a desk now: the kiosk says which.</summary>
    Called,
    /// <summary>Already served today: nothing to wait for.</summary>
    Served,
    /// <summary>Called and did not come (R12): the appointment is closed, and the person is told so, not to wait.</summary>
    NoShow,
    Unknown,
}

/// <summary>What the kiosk tells the person; <see cref="EndOfDay"/> is the honest estimate offered to a late arrival (R5).</summary>
public sealed record CheckIn(
    CheckInStatus Status, BookingEntity? Booking = null, int? DeskNumber = null, DateTime? ExpectedUtc = null,
    EndOfDayEstimate? EndOfDay = null, DateTime? OpensUtc = null);

/// <summary>
/// R3, R5: check-in at the kiosk by the booking's signed QR text. Every answer is clear and a repeat, a forgery or
/// garbage changes nothing; 50 simultaneous scans of one QR check in once (conditional update).
/// </summary>
public sealed class CheckInService(
    RantevouDbContext db, TimeProvider clock, BookingTokens tokens, DayChanges changes, IBookingMail mail)
{
    /// <param name="kioskOffice">The scanning kiosk's office: another office's booking is not known there.</param>
    public async Task<CheckIn> CheckInAsync(string? qr, int? kioskOffice, CancellationToken ct)
    {
        var scan = await ReadAsync(qr, kioskOffice, ct);
        if (!scan.Today)
            return scan.Answer;
        var (booking, office) = (scan.Booking, scan.Office);
        var now = clock.GetUtcNow().UtcDateTime;
        // R5 in its common case: the sweep expired the booking before the person reached the kiosk. They are told so,
        // and since they are here the choice of the end of the day stands while it fits before closing (the estimate
        // says whether it does; one that does not fit offers no choice).
        if (ExpiredForLateness(booking))
            return new CheckIn(CheckInStatus.Expired, booking, await DeskNumberAsync(booking.DeskId, ct), booking.StartUtc,
                Estimate(await JudgeAsync(booking, office, now, ct)));
        if (!BookingStates.Allows(BookingStep.CheckIn, booking.Status))
            return await StateAnswerAsync(booking, ct);
        var desk = await DeskNumberAsync(booking.DeskId, ct);
        if (now < booking.StartUtc.AddMinutes(-office.CheckInOpensMinutes))
            return new CheckIn(CheckInStatus.Early, booking, desk, booking.StartUtc, OpensUtc: booking.StartUtc.AddMinutes(-office.CheckInOpensMinutes));

        var late = now > booking.StartUtc;
        if (late && await JudgeAsync(booking, office, now, ct) is { Outcome: not LateArrivalOutcome.CheckInLate } advice)
            return new CheckIn(CheckInStatus.Late, booking, desk, booking.StartUtc, Estimate(advice));
        var ok = await ChangeAsync(booking, office, BookingStep.CheckIn, late, QueueEventKind.CheckedIn, ct);
        return ok ? new CheckIn(CheckInStatus.CheckedIn, booking, desk, booking.StartUtc) : await AgainAsync(booking.Code, ct);
    }

    /// <summary>R5: a late person chooses to be served after the scheduled appointments, before closing.</summary>
    public async Task<CheckIn> EndOfDayAsync(string? qr, int? kioskOffice, CancellationToken ct)
    {
        var scan = await ReadAsync(qr, kioskOffice, ct);
        if (!scan.Today)
            return scan.Answer;
        var (booking, office) = (scan.Booking, scan.Office);
        var now = clock.GetUtcNow().UtcDateTime;
        // Only a late arrival may choose it (a booking of today expired for lateness too: the person is here, R5).
        if (!(booking.Status == BookingStatus.Confirmed || ExpiredForLateness(booking)) || now <= booking.StartUtc)
            return await StateAnswerAsync(booking, ct);
        var desk = await DeskNumberAsync(booking.DeskId, ct);
        var advice = await JudgeAsync(booking, office, now, ct);
        var estimate = Estimate(advice);
        // R5: the choice is "before the clerk's working hours end"; when the service cannot end by closing even with
        // nobody ahead, nothing is promised and a new appointment is needed.
        if (advice.Outcome == LateArrivalOutcome.BookAgain)
            return new CheckIn(CheckInStatus.Late, booking, desk, booking.StartUtc, estimate);
        var ok = await ChangeAsync(booking, office, BookingStep.ServeAtEndOfDay, true, QueueEventKind.Deferred, ct);
        return ok ? new CheckIn(CheckInStatus.Deferred, booking, desk, estimate.StartUtc, estimate) : await AgainAsync(booking.Code, ct);
    }

    /// <summary>R4/R5: the policy's judgement for a late arrival, over the booked desk's day as it stands.</summary>
    async Task<LateArrivalAdvice> JudgeAsync(BookingEntity booking, Office office, DateTime now, CancellationToken ct)
    {
        var facts = await DayFacts.LoadAsync(db, office, now, ct);
        // The booked desk may have been switched off since (R11); the booking still belongs to its day.
        var desk = facts.Desks.FirstOrDefault(d => d.Id == booking.DeskId)
            ?? await db.Desks.AsNoTracking().FirstAsync(d => d.Id == booking.DeskId, ct);
        var mine = QueueFactsMapper.ForDesk(facts, desk);
        // An expired booking of today is judged as if still expected: the person is here and R5 lets them choose.
        var appointments = mine.Appointments.Where(a => a.Id != booking.Id)
            .Append(new QueuedAppointment(booking.Id, booking.StartUtc, booking.EndUtc, booking.DurationMinutes, AppointmentState.Expected))
            .ToList();
        return LateArrivalPolicy.Judge(mine with { Appointments = appointments }, booking.Id, now);
    }

    /// <summary>
    /// Expired by the sweep (R5), not at closing: a person who had checked in and was still waiting at closing time has
    /// an arrival recorded. <see cref="ReadAsync"/> has already kept only today's bookings.
    /// </summary>
    static bool ExpiredForLateness(BookingEntity b) => b.Status == BookingStatus.Expired && b.CheckedInUtc is null;

    static EndOfDayEstimate Estimate(LateArrivalAdvice advice) =>
        new(advice.Outcome == LateArrivalOutcome.BookAgain ? null : advice.EstimatedStartUtc, advice.Fits && advice.Outcome != LateArrivalOutcome.BookAgain);

    /// <summary>A scanned booking of today at the kiosk's office, or the answer that ends the scan there.</summary>
    sealed record Scan(BookingEntity? Booking, Office? Office, CheckIn? Answer)
    {
        [MemberNotNullWhen(true, nameof(Booking), nameof(Office))]
        [MemberNotNullWhen(false, nameof(Answer))]
        public bool Today => Answer is null;
    }

    async Task<Scan> ReadAsync(string? qr, int? kioskOffice, CancellationToken ct)
    {
        var code = tokens.ReadQr(qr);
        var booking = code is null ? null : await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct);
        if (booking is null || (kioskOffice is { } here && booking.OfficeId != here))
            return new Scan(null, null, new CheckIn(CheckInStatus.Unknown));
        var office = await OfficeLoader.LoadAsync(db, booking.OfficeId, ct);
        var today = OfficeDays.Today(office, clock);
        if (OfficeCalendar.LocalDate(booking.StartUtc, office.TimeZone) != today)
            return new Scan(booking, office, new CheckIn(CheckInStatus.WrongDay, booking, ExpectedUtc: booking.StartUtc));
        return new Scan(booking, office, null);
    }

    /// <summary>
    /// A scan that checks nothing in says where the booking stands. A person called (now, or earlier without coming) is
    /// told the desk that called them, which may not be the booked one; one served or marked absent is not told to wait.
    /// </summary>
    async Task<CheckIn> StateAnswerAsync(BookingEntity b, CancellationToken ct)
    {
        var status = b.Status switch
        {
            BookingStatus.Pending => CheckInStatus.NotConfirmed,
            BookingStatus.Cancelled or BookingStatus.Released => CheckInStatus.Cancelled,
            BookingStatus.Expired => CheckInStatus.Expired,
            BookingStatus.Void => CheckInStatus.Void,
            BookingStatus.Confirmed => CheckInStatus.Early,
            BookingStatus.Called => CheckInStatus.Called,
            BookingStatus.Served => CheckInStatus.Served,
            BookingStatus.NoShow => CheckInStatus.NoShow,
            _ => CheckInStatus.AlreadyCheckedIn,
        };
        var calledAt = status is CheckInStatus.Called or CheckInStatus.NoShow ? b.CalledDeskId : null;
        return new CheckIn(status, b, await DeskNumberAsync(calledAt ?? b.DeskId, ct), b.StartUtc);
    }

    async Task<CheckIn> AgainAsync(string code, CancellationToken ct) =>
        await StateAnswerAsync(await db.Bookings.AsNoTracking().FirstAsync(b => b.Code == code, ct), ct);

    Task<int> DeskNumberAsync(int deskId, CancellationToken ct) =>
        db.Desks.Where(d => d.Id == deskId).Select(d => d.Number).FirstAsync(ct);

    /// <summary>One change of today (<see cref="DayChanges"/>): the step's conditional status change, the day's version and its mail.</summary>
    Task<bool> ChangeAsync(BookingEntity b, Office office, BookingStep step, bool late, QueueEventKind kind, CancellationToken ct) =>
        changes.RunAsync(office, OfficeDays.Today(office, clock), async change =>
        {
            var (from, to, mailKind) = BookingStates.Of(step);
            var now = clock.GetUtcNow().UtcDateTime;
            // R5: the late person's choice of the end of the day is kept as it is made, for the office's statistics.
            var endOfDay = step == BookingStep.ServeAtEndOfDay;
            var changed = await db.Bookings.Where(x => x.Id == b.Id && from.Contains(x.Status)).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.Status, to)
                .SetProperty(x => x.CheckedInUtc, now)
                .SetProperty(x => x.Late, late)
                .SetProperty(x => x.EndOfDayChosenUtc, x => endOfDay ? now : x.EndOfDayChosenUtc)
                .SetProperty(x => x.Version, x => x.Version + 1), ct);
            if (changed == 0)
                return false;
            (b.Status, b.CheckedInUtc, b.Late) = (to, now, late);
            if (mailKind is { } mk)
                await change.MailAsync(mail, mk, b, ct);
            change.Tell(kind, BookingCode.Display(b.Code));
            return true;
        }, ct);
}
