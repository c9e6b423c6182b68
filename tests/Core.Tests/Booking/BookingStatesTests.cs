using Rantevou.Core.Booking;
using Rantevou.Core.Notifications;
using static Rantevou.Core.Booking.BookingStatus;

namespace Rantevou.Core.Tests.Booking;

public class BookingStatesTests
{
    /// <summary>Written out by hand from the office rules, not read from the table, so a changed row fails here.</summary>
    static readonly HashSet<(BookingStatus From, BookingStatus To)> Expected =
    [
        (Pending, Confirmed), (Pending, Cancelled), (Pending, Released), (Pending, BookingStatus.Void),
        (Confirmed, Cancelled), (Confirmed, Expired), (Confirmed, BookingStatus.Void), (Confirmed, CheckedIn), (Confirmed, Deferred),
        (CheckedIn, Called), (CheckedIn, Cancelled), (CheckedIn, BookingStatus.Void), (CheckedIn, Expired),
        (Deferred, Called), (Deferred, Cancelled), (Deferred, BookingStatus.Void), (Deferred, Expired),
        (Called, Served), (Called, NoShow), (Called, Deferred), (Called, BookingStatus.Void),
        (Expired, Deferred),
    ];

    public static TheoryData<BookingStatus, BookingStatus> EveryPair()
    {
        var pairs = new TheoryData<BookingStatus, BookingStatus>();
        foreach (var from in Enum.GetValues<BookingStatus>())
            foreach (var to in Enum.GetValues<BookingStatus>())
                pairs.Add(from, to);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryPairOfStatuses_IsAllowedExactlyWhenTheRulesListIt(BookingStatus from, BookingStatus to) =>
        Assert.Equal(Expected.Contains((from, to)), BookingStates.Allows(from, to));

    [Fact]
    public void EveryPair_IsWalked_AndTheListedOnesAreTheOnlyMoves()
    {
        var all = Enum.GetValues<BookingStatus>();
        var allowed = all.SelectMany(f => all.Where(t => BookingStates.Allows(f, t)).Select(t => (f, t))).ToHashSet();
        Assert.Equal(121, all.Length * all.Length);
        Assert.Equal(Expected.OrderBy(p => p).ToList(), allowed.OrderBy(p => p).ToList());
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void MoveTo_TakesAStepOnlyFromTheStatusesItsRowLists_AndEndsWhereTheRowSays(BookingStatus from, BookingStatus unused)
    {
        _ = unused;
        foreach (var step in Enum.GetValues<BookingStep>())
        {
            var booking = new Rantevou.Core.Booking.Booking { Code = "X", FullName = "N", Email = "n@example.org", Mobile = "", Status = from };
            var row = Steps[step];
            if (row.From.Contains(from))
            {
                Assert.Equal(row.Mail, booking.MoveTo(step).Mail);
                Assert.Equal(row.To, booking.Status);
            }
            else
            {
                Assert.Throws<InvalidOperationException>(() => booking.MoveTo(step));
                Assert.Equal(from, booking.Status);
            }
        }
    }

    /// <summary>Each step by hand: where it may start, where it ends, the mail it sends (R2) and its rule.</summary>
    static readonly Dictionary<BookingStep, (BookingStatus[] From, BookingStatus To, MailKind? Mail, string Rule)> Steps = new()
    {
        [BookingStep.Confirm] = ([Pending], Confirmed, MailKind.Confirmed, "R7"),
        [BookingStep.CancelByHolder] = ([Pending, Confirmed], Cancelled, MailKind.Cancelled, "R2"),
        [BookingStep.ReleaseUnconfirmed] = ([Pending], Released, MailKind.Released, "R7"),
        [BookingStep.ExpireLate] = ([Confirmed], Expired, MailKind.Expired, "R5"),
        [BookingStep.Void] = ([Pending, Confirmed, CheckedIn, Deferred, Called], BookingStatus.Void, MailKind.Voided, "R9"),
        [BookingStep.CancelByOffice] = ([Pending, Confirmed, CheckedIn, Deferred], Cancelled, MailKind.CancelledByOffice, "R11"),
        [BookingStep.CheckIn] = ([Confirmed], CheckedIn, null, "R3"),
        [BookingStep.ServeAtEndOfDay] = ([Confirmed, Expired], Deferred, MailKind.Deferred, "R5"),
        [BookingStep.Call] = ([CheckedIn, Deferred], Called, null, "R3"),
        [BookingStep.Complete] = ([Called], Served, null, "R4"),
        [BookingStep.NoShow] = ([Called], NoShow, MailKind.NoShow, "R12"),
        [BookingStep.Defer] = ([Called], Deferred, MailKind.Deferred, "R5"),
        [BookingStep.Interrupt] = ([Called], Deferred, MailKind.Deferred, "R13"),
        [BookingStep.CloseDay] = ([CheckedIn, Deferred], Expired, MailKind.NotServedDayClosed, "R5"),
    };

    [Fact]
    public void EveryStep_HasOneRow_WithTheRuleItCarriesOut()
    {
        Assert.Equal(Enum.GetValues<BookingStep>().Order(), BookingStates.Table.Select(t => t.Step).Order());
        foreach (var row in BookingStates.Table)
        {
            var (from, to, mail, rule) = Steps[row.Step];
            Assert.Equal(from.Order(), row.From.Order());
            Assert.Equal((row.Step, to, mail, rule), (row.Step, row.To, row.Mail, row.Rule));
        }
    }

    [Fact]
    public void TheLiveDaysSteps_AreTheKioskAndTheDesks()
    {
        BookingStep[] today = [BookingStep.CheckIn, BookingStep.ServeAtEndOfDay, BookingStep.Call, BookingStep.Complete,
            BookingStep.NoShow, BookingStep.Defer, BookingStep.Interrupt];
        Assert.All(BookingStates.Table, row =>
            Assert.Equal(today.Contains(row.Step) ? DayScope.Today : DayScope.BookingsDay, row.Day));
    }
}
