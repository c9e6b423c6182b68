using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Data;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;

namespace Rantevou.Core.LiveDay;

/// <summary>
/// Principle 1 in one place: every change that touches an office's day runs through here, from any path (holder,
/// agent, kiosk, clerk, admin, expiry, release). The recipe: the write turn (SQLite only: it has one writer), one transaction
/// holding the change, its outbox mail and today's version (bumped once per event), the commit, and only then the mail
/// sender woken, the days' availability read again and the screens told. A change to another day than today commits the same way without an event:
/// screens show today, and a version bumped on a future day would go backwards when that day comes.
/// </summary>
public sealed class DayChanges(
    RantevouDbContext db, WriteGate writes, IQueueEvents events, IOutboxSignal outbox, TimeProvider clock, KnownDays known,
    Slots.DayClaimsCache claims)
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction; it answers whether to commit (false rolls everything back,
    /// events and mail included). <paramref name="days"/> are the office-local days the change touches.
    /// On a server database a transaction that loses a serialization conflict or a deadlock is run again whole by the
    /// execution strategy (ADR 0011): <paramref name="work"/> may be called more than once, each time on an empty change
    /// tracker, and only the attempt that commits wakes the mail sender and tells the screens.
    /// </summary>
    public async Task<bool> RunAsync(Office office, IEnumerable<DateOnly> days, Func<DayChange, Task<bool>> work,
        CancellationToken ct, IsolationLevel isolation = IsolationLevel.Unspecified)
    {
        var today = OfficeDays.Today(office, clock);
        var touched = days as IReadOnlyCollection<DateOnly> ?? [.. days];
        var touchesToday = touched.Contains(today);
        if (touchesToday)
            await EnsureTodayAsync(office.Id, today, ct);
        DayChange? committed = null;
        var attempts = 0;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (attempts++ > 0)
                db.ChangeTracker.Clear();
            var change = new DayChange(db, office, today, touchesToday);
            using (await writes.EnterAsync(db, token))
            {
                await using var tx = await db.Database.BeginTransactionAsync(isolation, token);
                if (!await work(change))
                {
                    db.ChangeTracker.Clear();
                    await tx.RollbackAsync(token);
                    return false;
                }
                await db.SaveChangesAsync(token);
                await change.StampAsync(clock.GetUtcNow(), token);
                await tx.CommitAsync(token);
                db.ChangeTracker.Clear();
            }
            committed = change;
            return true;
        }, ct);
        if (committed is null)
            return false;
        // Availability of these days is read again (their desk time may have changed).
        claims.Forget(office.Id, touched);
        if (committed.Mailed)
            outbox.MailCommitted();
        if (committed.Events.Count > 0)
            events.Publish(office.Id, committed.Events);
        return true;
    }

    /// <summary>A change of one day (the booking's, or today's for the live day).</summary>
    public Task<bool> RunAsync(Office office, DateOnly day, Func<DayChange, Task<bool>> work, CancellationToken ct,
        IsolationLevel isolation = IsolationLevel.Unspecified) => RunAsync(office, [day], work, ct, isolation);

    /// <summary>
    /// The day's row is created outside the transaction, so concurrent first changes of a day do not collide; once
    /// seen, it is not looked for again by this process (rows of today are never deleted).
    /// </summary>
    async Task EnsureTodayAsync(int officeId, DateOnly today, CancellationToken ct)
    {
        if (known.Has(officeId, today))
            return;
        await OfficeDays.EnsureAsync(db, officeId, today, ct);
        known.Add(officeId, today);
    }
}

/// <summary>The office days this process has seen a row for.</summary>
public sealed class KnownDays
{
    readonly ConcurrentDictionary<(int, DateOnly), byte> days = new();

    public bool Has(int officeId, DateOnly day) => days.ContainsKey((officeId, day));

    public void Add(int officeId, DateOnly day) => days.TryAdd((officeId, day), 0);
}

/// <summary>What one change does to the day, recorded inside its transaction by <see cref="DayChanges"/>'s caller.</summary>
public sealed class DayChange(RantevouDbContext db, Office office, DateOnly today, bool touchesToday)
{
    readonly List<(QueueEventKind Kind, string? Code, int? Desk)> told = [];
    readonly List<QueueEvent> events = [];

    public Office Office { get; } = office;
    public DateOnly Today { get; } = today;
    public bool TouchesToday { get; } = touchesToday;
    internal bool Mailed { get; private set; }
    internal IReadOnlyList<QueueEvent> Events => events;

    /// <summary>What the screens hear after the commit, each with its own version; nothing when the change is not today's.</summary>
    public void Tell(QueueEventKind kind, string? code, int? deskNumber = null)
    {
        if (TouchesToday)
            told.Add((kind, code, deskNumber));
    }

    /// <summary>R2: the mail commits with the change; the sender is woken after the commit.</summary>
    public void Mail(OutboxMessage message)
    {
        db.Outbox.Add(message);
        Mailed = true;
    }

    /// <summary>
    /// New rows written at once by one command, untracked (<see cref="RowInsert"/>); a mail among them is sent after the
    /// commit as one added by <see cref="Mail"/>.
    /// </summary>
    public async Task InsertAsync(IReadOnlyList<object> rows, CancellationToken ct)
    {
        await RowInsert.InsertAsync(db, rows, ct);
        Mailed |= rows.Any(r => r is OutboxMessage);
    }

    /// <summary>R2: renders and adds a booking's mail; <paramref name="deskBefore"/> is the desk a moved booking left.</summary>
    public async Task MailAsync(IBookingMail mail, MailKind kind, Booking.Booking b, CancellationToken ct, int? deskBefore = null)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Documents).FirstAsync(s => s.Id == b.ServiceId, ct);
        var desk = await db.Desks.AsNoTracking().FirstAsync(d => d.Id == b.DeskId, ct);
        var before = deskBefore is { } id ? new Previously(b.StartUtc, await db.Desks.AsNoTracking().FirstAsync(d => d.Id == id, ct)) : null;
        Mail(mail.Compose(kind, b, service, Office, desk, before: before));
    }

    /// <summary>R6: the next walk-in number of today, counted on the day's row inside the transaction.</summary>
    public async Task<int> NextTicketAsync(CancellationToken ct)
    {
        await db.OfficeDays.Where(d => d.OfficeId == Office.Id && d.Day == Today)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LastTicket, d => d.LastTicket + 1), ct);
        return await db.OfficeDays.Where(d => d.OfficeId == Office.Id && d.Day == Today).Select(d => d.LastTicket).FirstAsync(ct);
    }

    /// <summary>Bumps today's version once for all the change's events, just before the commit, and numbers them.</summary>
    internal async Task StampAsync(DateTimeOffset at, CancellationToken ct)
    {
        if (told.Count == 0)
            return;
        await db.OfficeDays.Where(d => d.OfficeId == Office.Id && d.Day == Today)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Version, d => d.Version + told.Count), ct);
        var last = await db.OfficeDays.Where(d => d.OfficeId == Office.Id && d.Day == Today).Select(d => d.Version).FirstAsync(ct);
        var first = last - told.Count + 1;
        events.AddRange(told.Select((t, i) => new QueueEvent(first + i, t.Kind, t.Code, t.Desk, at)));
    }
}
