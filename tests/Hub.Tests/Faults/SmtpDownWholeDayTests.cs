using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Core.LiveDay;
using Rantevou.Hub.Notifications;
using Rantevou.Hub.Tests.LiveDay;
using Xunit.Abstractions;

namespace Rantevou.Hub.Tests.Faults;

/// <summary>
/// R2 under a long outage: the mail server is down from the first booking on Tuesday to after Wednesday's closing.
/// A whole office day runs meanwhile (bookings, confirmations, reschedules, cancellations, released holds, kiosk
/// check-ins, walk-ins, clerks calling, completing, deferring and marking no-shows, voids, late expiry, closing), with
/// the mail job run the way Hangfire runs it. Nothing may leave while the server is down, and once it is back every
/// outbox row arrives exactly once, each person getting the mails of what happened to their own booking.
/// </summary>
public sealed class SmtpDownWholeDayTests(ITestOutputHelper output) : LiveDayTest
{
    /// <summary>What the script does to each person's booking, and so which mails they must get.</summary>
    enum Fate
    {
        Served,
        RescheduledThenServed,
        CancelledAfterConfirming,
        CancelledBeforeConfirming,
        NeverConfirmed,
        NeverCame,
        VoidedBeforeArriving,
        VoidedWhileWaiting,
        NoShow,
        DeferredByClerk,
        LateChoseEndOfDay,
        WaitingAtClosing,
    }

    static readonly (Fate Fate, int Count)[] Cast =
    [
        (Fate.Served, 16), (Fate.RescheduledThenServed, 4), (Fate.CancelledAfterConfirming, 3), (Fate.CancelledBeforeConfirming, 2),
        (Fate.NeverConfirmed, 3), (Fate.NeverCame, 3), (Fate.VoidedBeforeArriving, 1), (Fate.VoidedWhileWaiting, 1),
        (Fate.NoShow, 3), (Fate.DeferredByClerk, 2), (Fate.LateChoseEndOfDay, 2), (Fate.WaitingAtClosing, 2),
    ];

    sealed class Person(int index, Fate fate, int serviceId)
    {
        public int Index => index;
        public Fate Fate => fate;
        public int ServiceId => serviceId;
        public string Email => $"p{index:00}@example.org";
        public BookingCreatedDto Created { get; set; } = null!;
        public Guid Id { get; set; }
        public DateTimeOffset Start { get; set; }
        public string Label => BookingCode.Display(Created.Code);
    }

    readonly List<Person> people = [];
    readonly Dictionary<int, Clerk> clerks = [];
    readonly Dictionary<int, (CalledPerson Person, DateTimeOffset At)> serving = [];
    readonly HashSet<string> deferredOnce = [];
    Dictionary<Guid, BookingStatus> statuses = [];
    int sweeps;

    [Fact]
    public async Task SmtpDownAllDay_NothingSentWhileDown_ThenEveryOutboxMailArrivesExactlyOnce()
    {
        await Smtp.StopAsync();
        var started = DateTime.UtcNow;

        await TuesdayBookingsConfirmationsChangesAndReleasedHoldsAsync();
        await OvernightAsync();
        await WednesdayLiveDayAsync();
        var rows = await AssertNothingSentNothingLostAsync();
        output.WriteLine($"day played in {(DateTime.UtcNow - started).TotalSeconds:F1} s: {rows.Count} mails waiting after {sweeps} failed sender runs");

        await SmtpBackAsync_EveryMailArrivesExactlyOnce(rows);
    }

    async Task TuesdayBookingsConfirmationsChangesAndReleasedHoldsAsync()
    {
        var services = await Http.ServicesAsync();
        var fates = Cast.SelectMany(c => Enumerable.Repeat(c.Fate, c.Count)).ToList();
        // Spread over the day: late-morning times for most, the last half hour for the ones still waiting at closing.
        var ordinary = fates.Count(f => f != Fate.WaitingAtClosing);
        var k = 0;
        foreach (var fate in fates)
        {
            var person = new Person(people.Count, fate, services[people.Count % services.Count].Id);
            var target = fate == Fate.WaitingAtClosing ? Wed(13, 30) : Wed(8, 0).AddMinutes(k++ * 270 / ordinary);
            var free = await FreeStartsAsync(person.ServiceId);
            person.Start = free.FirstOrDefault(s => s >= target, free.Last());
            var response = await Http.BookAsync(person.ServiceId, person.Start, fullName: $"Πολίτης {(char)('Α' + person.Index / 17)}{(char)('α' + person.Index % 17)}", email: person.Email);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            person.Created = (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
            person.Id = await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == person.Created.Code).Select(b => b.Id).SingleAsync());
            people.Add(person);
            await TickAsync(TimeSpan.FromSeconds(10));
            if (fate is Fate.NeverConfirmed or Fate.CancelledBeforeConfirming)
                continue;
            var confirm = await Http.PostAsync($"/api/bookings/{person.Created.Code}/confirm?token={App.Tokens.Confirm(person.Id)}", null);
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
            await TickAsync(TimeSpan.FromSeconds(10));
        }

        foreach (var p in people.Where(p => p.Fate == Fate.RescheduledThenServed))
        {
            var later = (await FreeStartsAsync(p.ServiceId)).First(s => s > p.Start.AddMinutes(20) && s < Wed(12, 30));
            var moved = await Http.PostAsJsonAsync($"/api/bookings/{p.Created.Code}/reschedule?token={p.Created.ManageToken}", new RescheduleRequest(later.ToString("O")));
            Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
            p.Start = later;
            await TickAsync(TimeSpan.FromMinutes(1));
        }
        foreach (var p in people.Where(p => p.Fate is Fate.CancelledAfterConfirming or Fate.CancelledBeforeConfirming))
        {
            Assert.Equal(HttpStatusCode.OK, (await Http.PostAsync($"/api/bookings/{p.Created.Code}/cancel?token={p.Created.ManageToken}", null)).StatusCode);
            await TickAsync(TimeSpan.FromMinutes(1));
        }

        // The unconfirmed holds run out (30 minutes) while the minutely jobs go on.
        for (var i = 0; i < 12; i++)
            await TickAsync(TimeSpan.FromMinutes(5));
        Assert.All(people.Where(p => p.Fate == Fate.NeverConfirmed), p => Assert.Equal(BookingStatus.Released, Status(p)));
    }

    async Task OvernightAsync()
    {
        while (App.Clock.GetUtcNow() < Wed(7, 40))
            await TickAsync(TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(30).Ticks, (Wed(7, 40) - App.Clock.GetUtcNow()).Ticks)));
        for (var desk = 1; desk <= 6; desk++)
            clerks[desk] = await ClerkAsync($"clerk{desk}@example.org");
    }

    async Task WednesdayLiveDayAsync()
    {
        var desks = (await Http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!.ToDictionary(d => d.Number, d => d.Id);
        var services = await Http.ServicesAsync();
        var voider = clerks[1];
        var walkIns = 0;
        while (App.Clock.GetUtcNow() < Wed(14, 5))
        {
            var now = App.Clock.GetUtcNow();
            foreach (var p in people.Where(p => p.Fate == Fate.VoidedBeforeArriving && Status(p) == BookingStatus.Confirmed))
                await VoidAsync(voider, p);
            foreach (var p in people.Where(p => p.Start == now.AddMinutes(5) && Arrives(p.Fate)))
            {
                Assert.Equal("CheckedIn", (await ScanAsync(App.Tokens.QrText(p.Created.Code))).Status);
                if (p.Fate == Fate.VoidedWhileWaiting)
                    await VoidAsync(voider, p);
            }
            // Five minutes late and told the next appointments come first, the person chooses the end of the day (R5).
            foreach (var p in people.Where(p => p.Fate == Fate.LateChoseEndOfDay && p.Start == now.AddMinutes(-5)))
                Assert.Equal("Deferred", (await EndOfDayAsync(App.Tokens.QrText(p.Created.Code))).Status);
            if (now.Minute % 40 == 5 && now > Wed(8, 0) && now < Wed(12, 30))
                await WalkInAsync(services[walkIns++ % services.Count].Id);

            // The clerks go to a staff meeting at 13:20: whoever is still waiting then is not served today.
            if (now < Wed(13, 20))
                foreach (var (number, deskId) in desks)
                    await ClerkStepAsync(number, deskId, now);

            await TickAsync(TimeSpan.FromMinutes(5));
        }
        Assert.True(walkIns >= 5, $"{walkIns} walk-ins");
        Assert.Empty(people.Where(p => p.Fate is Fate.Served or Fate.RescheduledThenServed && Status(p) != BookingStatus.Served).Select(p => p.Label));
    }

    /// <summary>A clerk finishes the current person when their time is up (or marks them), then calls the next one.</summary>
    async Task ClerkStepAsync(int number, int deskId, DateTimeOffset now)
    {
        var clerk = clerks[number];
        if (serving.TryGetValue(number, out var current))
        {
            var fate = current.Person.WalkIn ? Fate.Served : people.Single(p => p.Label == current.Person.Label).Fate;
            var action = fate switch
            {
                Fate.NoShow => "no-show",
                Fate.DeferredByClerk when deferredOnce.Add(current.Person.Label) => "defer",
                _ when now >= current.At.AddMinutes(current.Person.DurationMinutes) => "complete",
                _ => null,
            };
            if (action is null)
                return;
            await clerk.ActAsync(deskId, action);
            serving.Remove(number);
        }
        if (await clerk.CallNextAsync(deskId) is { } called)
            serving[number] = (called, now);
    }

    static bool Arrives(Fate fate) => fate is Fate.Served or Fate.RescheduledThenServed or Fate.VoidedWhileWaiting
        or Fate.NoShow or Fate.DeferredByClerk or Fate.WaitingAtClosing;

    /// <summary>
    /// One step of the clock with the recurring jobs as Hangfire runs them: the mail sender (which must send nothing),
    /// the hold release and the live-day sweep (late expiry, closing).
    /// </summary>
    async Task TickAsync(TimeSpan step)
    {
        App.Clock.Advance(step);
        Assert.Equal(0, await App.DispatchMailAsync());
        sweeps++;
        await App.ReleaseHoldsAsync();
        await using var scope = App.Scope();
        var closures = scope.ServiceProvider.GetRequiredService<BookingClosures>();
        await closures.ExpireLateAsync(CancellationToken.None);
        await closures.CloseDaysAsync(CancellationToken.None);
        Assert.Empty(Smtp.Messages);
        await RefreshStatusesAsync();
    }

    async Task<List<Core.Notifications.OutboxMessage>> AssertNothingSentNothingLostAsync()
    {
        var rows = await App.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.CreatedUtc).ToListAsync());
        Assert.Empty(Smtp.Messages);
        Assert.All(rows, r => Assert.Null(r.SentUtc));
        Assert.All(rows, r => Assert.Null(r.LockedUntilUtc));
        // The sender kept trying (one failed attempt per run, then it stops for that run) and backed off each time.
        Assert.True(rows.Sum(r => r.Attempts) >= sweeps / 2, $"{rows.Sum(r => r.Attempts)} attempts in {sweeps} runs");
        Assert.All(rows.Where(r => r.Attempts > 0), r => Assert.NotNull(r.LastError));

        // Nothing lost: every change of the script is in the outbox, once, for the right person.
        var expected = people.ToDictionary(p => p.Email, p => ExpectedKinds(p).Order().ToList());
        var actual = rows.GroupBy(r => r.ToAddress).ToDictionary(g => g.Key, g => g.Select(r => r.Kind).Order().ToList());
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        Assert.All(people, p => Assert.True(expected[p.Email].SequenceEqual(actual[p.Email]),
            $"{p.Email} ({p.Fate}, {Status(p)}): expected [{string.Join(", ", expected[p.Email])}], outbox has [{string.Join(", ", actual[p.Email])}]"));
        Assert.Contains(rows, r => r.Kind == "NotServedDayClosed");
        return rows;
    }

    List<string> ExpectedKinds(Person p)
    {
        List<string> confirmed = ["Created", "Confirmed"];
        return p.Fate switch
        {
            Fate.Served => confirmed,
            Fate.RescheduledThenServed => [.. confirmed, "Rescheduled"],
            Fate.CancelledAfterConfirming => [.. confirmed, "Cancelled"],
            Fate.CancelledBeforeConfirming => ["Created", "Cancelled"],
            Fate.NeverConfirmed => ["Created", "Released"],
            Fate.NeverCame => [.. confirmed, "Expired"],
            Fate.VoidedBeforeArriving or Fate.VoidedWhileWaiting => [.. confirmed, "Voided"],
            Fate.NoShow => [.. confirmed, "NoShow"],
            // Deferred people are served after the last appointment if the desk gets to them before 13:20, else told at closing.
            Fate.DeferredByClerk or Fate.LateChoseEndOfDay => Status(p) == BookingStatus.Served
                ? [.. confirmed, "Deferred"]
                : [.. confirmed, "Deferred", "NotServedDayClosed"],
            Fate.WaitingAtClosing => [.. confirmed, "NotServedDayClosed"],
            _ => throw new ArgumentOutOfRangeException(nameof(p)),
        };
    }

    async Task SmtpBackAsync_EveryMailArrivesExactlyOnce(List<Core.Notifications.OutboxMessage> rows)
    {
        Smtp.Resume();
        App.Clock.Advance(OutboxDispatcher.Backoff(int.MaxValue) + TimeSpan.FromSeconds(1));

        // Two senders at once (two Hangfire workers, or two nodes), then the ordinary sweeps.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var together = await Task.WhenAll(App.DispatchMailAsync(), App.DispatchMailAsync());
        var sent = together.Sum();
        for (var run = 0; run < 3; run++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(1));
            sent += await App.DispatchMailAsync();
        }
        output.WriteLine($"{rows.Count} mails sent in {clock.Elapsed.TotalSeconds:F1} s (concurrent runs sent {together[0]} + {together[1]})");
        Assert.Equal(rows.Count, sent);
        var mails = await Smtp.WaitForAsync(rows.Count);
        App.Clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await App.DispatchMailAsync());
        await Task.Delay(200);
        mails = [.. Smtp.Messages];

        Assert.Equal(rows.Count, mails.Count);
        Assert.Equal(mails.Count, mails.Select(m => m.MessageId).Distinct().Count());
        var byMessageId = rows.ToDictionary(r => $"{r.Id:N}@rantevou");
        Assert.Equal(byMessageId.Keys.Order(), mails.Select(m => m.MessageId).Order());
        foreach (var p in people)
        {
            var theirs = mails.Where(m => m.To.Mailboxes.Single().Address == p.Email).ToList();
            Assert.Equal(ExpectedKinds(p).Order(), theirs.Select(m => byMessageId[m.MessageId!].Kind).Order());
            Assert.All(theirs, m => Assert.Contains(p.Label, m.Subject, StringComparison.Ordinal));
        }
        var stored = await App.WithDbAsync(db => db.Outbox.AsNoTracking().ToListAsync());
        Assert.All(stored, r => Assert.NotNull(r.SentUtc));
        Assert.All(stored, r => Assert.Null(r.LockedUntilUtc));
    }

    async Task<List<DateTimeOffset>> FreeStartsAsync(int serviceId) =>
        (await Http.AvailabilityAsync(serviceId, new DateOnly(2026, 12, 2))).Select(s => s.Start).ToList();

    async Task VoidAsync(Clerk clerk, Person p)
    {
        var voided = await clerk.Http.PostAsJsonAsync($"/api/bookings/{p.Created.Code}/void", new VoidRequest("Λάθος δικαιολογητικά / wrong papers"));
        Assert.True(voided.StatusCode == HttpStatusCode.OK, await voided.Content.ReadAsStringAsync());
    }

    /// <summary>Each booking's status now (statuses are read in bulk; the script consults them often).</summary>
    async Task RefreshStatusesAsync()
    {
        var ids = people.Select(p => p.Id).ToList();
        statuses = await App.WithDbAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Status));
    }

    BookingStatus Status(Person p) => statuses[p.Id];
}
