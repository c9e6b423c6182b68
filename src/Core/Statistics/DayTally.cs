using System.Text.Json;
using System.Text.Json.Serialization;
using Rantevou.Contracts.Admin;

namespace Rantevou.Core.Statistics;

/// <summary>
/// The statistics of office days in a form that adds up: counts, minutes, and the waits themselves (their percentiles
/// do not add up). One is counted per day (<see cref="DayCount"/>), stored for finished days (<see cref="DayFigures"/>)
/// and added up over a period (<see cref="Add"/>); <see cref="OfficeStatistics"/> turns the sum into the figures.
/// Keyed by service, desk, hour of the day and clerk; names are looked up when the figures are made.
/// </summary>
public sealed class DayTally
{
    public int OpenDays { get; set; }
    public Dictionary<int, ServiceTally> Services { get; set; } = [];
    public ArrivalFigures Arrivals { get; set; } = new(0, 0, 0, Punctuality.Buckets([]), 0, 0);
    public InterruptedFigures Interrupted { get; set; } = new(0, 0, 0);
    public GapFigures Gaps { get; set; } = new(0, 0, null);
    public Dictionary<int, DeskTally> Desks { get; set; } = [];
    public Dictionary<int, HourTally> Hours { get; set; } = [];
    public Dictionary<string, ClerkTally> Clerks { get; set; } = [];

    /// <summary>Adds another day's (or period's) tally to this one; the other's waits are copied, never shared.</summary>
    public void Add(DayTally o)
    {
        OpenDays += o.OpenDays;
        Arrivals = Sum.Of(Arrivals, o.Arrivals);
        Interrupted = new(Interrupted.People + o.Interrupted.People, Interrupted.ServedAfterwards + o.Interrupted.ServedAfterwards,
            Interrupted.NotServed + o.Interrupted.NotServed);
        Gaps = new(Gaps.FreeMinutes + o.Gaps.FreeMinutes, Gaps.WalkInMinutes + o.Gaps.WalkInMinutes, null);
        Merge(Services, o.Services, Sum.Of, s => s with { Waits = s.Waits.ToDictionary(w => w.Key, w => w.Value.Copy()) });
        Merge(Desks, o.Desks, (a, b) => new(a.Served + b.Served, a.Busy + b.Busy, a.Open + b.Open, a.Interruptions + b.Interruptions), d => d);
        Merge(Hours, o.Hours, (a, b) => new(a.Served + b.Served, a.Busy + b.Busy, a.Open + b.Open), h => h);
        Merge(Clerks, o.Clerks, (a, b) => new(a.Served + b.Served, a.Minutes + b.Minutes), c => c);
    }

    internal static void Merge<TKey, T>(Dictionary<TKey, T> into, Dictionary<TKey, T> from, Func<T, T, T> plus, Func<T, T> copy) where TKey : notnull
    {
        foreach (var (key, value) in from)
            into[key] = into.TryGetValue(key, out var sum) ? plus(sum, value) : copy(value);
    }
}

/// <summary>One service's bookings and walk-ins, their waits by hour of arrival, and interruptions (R13).</summary>
public sealed record ServiceTally(BookingFigures Bookings, WalkInFigures WalkIns, Dictionary<int, Waits> Waits, int Interruptions);

/// <summary>Minutes from arrival to the (last) call, every one of them: appointments and walk-ins apart.</summary>
public sealed record Waits(List<double> Appointments, List<double> WalkIns)
{
    public Waits Copy() => new([.. Appointments], [.. WalkIns]);

    /// <summary>Appends the other's waits to these (a sum's own lists only, see <see cref="DayTally.Add"/>).</summary>
    public Waits Add(Waits other)
    {
        Appointments.AddRange(other.Appointments);
        WalkIns.AddRange(other.WalkIns);
        return this;
    }
}

/// <summary>One desk's people served, busy and open minutes, and interruptions.</summary>
public sealed record DeskTally(int Served, double Busy, double Open, int Interruptions);

/// <summary>One hour of the day: people served and busy and open desk-minutes (its waits are the services').</summary>
public sealed record HourTally(int Served, double Busy, double Open);

/// <summary>One clerk's people served and minutes serving.</summary>
public sealed record ClerkTally(int Served, double Minutes);

/// <summary>Field-by-field sums of the figures that add up.</summary>
static class Sum
{
    public static ServiceTally Of(ServiceTally a, ServiceTally b) =>
        new(Of(a.Bookings, b.Bookings), Of(a.WalkIns, b.WalkIns), Of(a.Waits, b.Waits), a.Interruptions + b.Interruptions);

    /// <summary>The first's own lists grow (see <see cref="DayTally.Add"/>); an hour new to it gets a copy.</summary>
    static Dictionary<int, Waits> Of(Dictionary<int, Waits> a, Dictionary<int, Waits> b)
    {
        DayTally.Merge(a, b, (x, y) => x.Add(y), w => w.Copy());
        return a;
    }

    public static BookingFigures Of(BookingFigures a, BookingFigures b) => new(a.Made + b.Made, a.MadeByAgents + b.MadeByAgents,
        a.Appointments + b.Appointments, a.AppointmentsByAgents + b.AppointmentsByAgents, a.Confirmed + b.Confirmed,
        a.Cancelled + b.Cancelled, a.Released + b.Released, a.ExpiredLate + b.ExpiredLate, a.NoShows + b.NoShows, a.Voided + b.Voided,
        a.Served + b.Served, a.NotServedByClosing + b.NotServedByClosing, a.Rescheduled + b.Rescheduled,
        a.RemindersSent + b.RemindersSent, a.RemindersComing + b.RemindersComing, a.RemindersReleased + b.RemindersReleased);

    public static WalkInFigures Of(WalkInFigures a, WalkInFigures b) => new(a.Issued + b.Issued, a.Served + b.Served,
        a.NoShows + b.NoShows, a.NotServedByClosing + b.NotServedByClosing, a.ServedInGaps + b.ServedInGaps,
        a.ServedAfterAppointments + b.ServedAfterAppointments);

    public static ArrivalFigures Of(ArrivalFigures a, ArrivalFigures b) => new(a.CheckedIn + b.CheckedIn, a.Late + b.Late,
        a.LateServed + b.LateServed, a.Punctuality.Zip(b.Punctuality, (x, y) => x with { Count = x.Count + y.Count }).ToList(),
        a.EndOfDayChosen + b.EndOfDayChosen, a.EndOfDayServed + b.EndOfDayServed);
}

/// <summary>The stored form of a day's tally (<see cref="DayFigures.Figures"/>), generated and without its zeros: a year's report reads about 250.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(DayTally))]
sealed partial class DayTallyJson : JsonSerializerContext;
