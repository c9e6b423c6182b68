using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Booking;
using Rantevou.Core.Data;
using Rantevou.Core.LiveDay;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Tests.Statistics;

/// <summary>
/// A small office history with known answers, written straight into the database: Monday 23 and Tuesday 24 November
/// 2026 (Athens, UTC+2), desks 1 and 2 in service, service A (the first) and B (the second). Times are local.
///
/// Appointments (start, check-in, call → done at desk, end):
///  1 A Mon 09:00, in 08:50, 09:02 → 09:17 d1, served; reminded, answered "I will come".
///  2 A Mon 09:20, in 09:23 late, 09:33 → 09:43 d1, served; booked by an agent.
///  3 A Mon 10:00, in 09:20, 10:00 → 10:05 d2, no-show.
///  4 A Mon 10:00, never came: expired as late (R5).
///  5 A Mon 11:00, confirmed, reminded, then released from the reminder (cancelled).   6 A Mon 11:00, never confirmed: released.
///  7 B Mon 12:00, voided (R9).
///  8 B Mon 13:00, in 13:20 late, still waiting at closing: expired at closing.
///  9 B Mon 12:30, in 12:25, 12:40 → 13:10 d2, served; booked by an agent on Monday 08:00; reminded, no answer.
/// 10 A Tue 09:00, in 09:40 late, 10:30 → 10:50 d1, served; booked on Tuesday 07:00, then moved twice.
/// 8 and 10 chose the end of the day at the kiosk when they checked in late (R5). Every booking is at desk 1.
/// Outside: 11 A Wed 25 November (after the period), served; moved once, reminded, answered "I will come". Made on Monday for 3 December: 12 B, 13 B (agent).
/// Every other booking was made on Friday 20 November.
///
/// Walk-ins: T1 A Mon issued 09:05, 09:17 → 09:32 d1, served. T2 A Mon issued 10:10, called 10:20 at d2 and interrupted
/// at 10:30 (R13), called again 10:40 → 11:00 d2, served. T3 B Mon issued 13:30, not served by closing. T4 A Tue issued
/// 11:00, 11:05 → 11:06 d1, no-show. The interruption names T2.
///
/// Clerks: «Υπάλληλος 1» (clerk1) made every call at desk 1 but 10's, which «Υπάλληλος 2» (clerk2) made; clerk2 made every
/// call at desk 2.
/// </summary>
public static class StatisticsHistory
{
    public static readonly DateOnly Monday = new(2026, 11, 23);
    public static readonly DateOnly Tuesday = new(2026, 11, 24);

    /// <summary>Athens local time on a November day (UTC+2), as UTC.</summary>
    public static DateTime L(int day, int hour, int minute) => new DateTime(2026, 11, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-2);

    public sealed record Ids(int Office, int ServiceA, int ServiceB, int Desk1, int Desk2, string Clerk1, string Clerk2);

    public static async Task<Ids> WriteAsync(RantevouDbContext db, int serviceA, int serviceB)
    {
        var office = await db.Services.Where(s => s.Id == serviceA).Select(s => s.OfficeId).SingleAsync();
        var desks = await db.Desks.Where(d => d.OfficeId == office).ToListAsync();
        foreach (var d in desks)
            d.Active = d.Number is 1 or 2;
        var (d1, d2) = (desks.Single(d => d.Number == 1).Id, desks.Single(d => d.Number == 2).Id);
        var clerk1 = await db.Users.Where(u => u.Email == "clerk1@example.org").Select(u => u.Id).SingleAsync();
        var clerk2 = await db.Users.Where(u => u.Email == "clerk2@example.org").Select(u => u.Id).SingleAsync();
        var ids = new Ids(office, serviceA, serviceB, d1, d2, clerk1, clerk2);
        var made = L(20, 10, 0);

        BookingEntity B(int service, DateTime start, BookingStatus status, DateTime? checkedIn = null, bool late = false,
            DateTime? called = null, DateTime? done = null, int? desk = null, bool agent = false, bool confirmed = true, DateTime? created = null,
            ReminderAnswer? answer = null, bool reminded = false, int moved = 0, string? by = null, bool endOfDay = false) => new()
            {
                Id = Guid.NewGuid(),
                Code = BookingCode.New(),
                OfficeId = office,
                ServiceId = service,
                DeskId = d1,
                StartUtc = start,
                EndUtc = start.AddMinutes(15),
                DurationMinutes = 15,
                Status = status,
                FullName = "History Person",
                Email = $"{Guid.NewGuid():N}@example.org",
                Mobile = "6900000000",
                AgentId = agent ? "agent-account" : null,
                AgentName = agent ? "Σχολή Οδηγών" : null,
                CreatedUtc = created ?? made,
                ConfirmedUtc = confirmed ? (created ?? made).AddMinutes(5) : null,
                CheckedInUtc = checkedIn,
                Late = late,
                CalledUtc = called,
                CalledDeskId = desk,
                CalledByUserId = by ?? (desk == d1 ? clerk1 : desk == d2 ? clerk2 : null),
                DoneUtc = done,
                EndOfDayChosenUtc = endOfDay ? checkedIn : null,
                ReminderSentUtc = reminded || answer is not null ? start.AddHours(-21) : null,
                ReminderAnswer = answer,
                ReminderAnsweredUtc = answer is null ? null : start.AddHours(-20),
                Reschedules = moved,
            };

        db.Bookings.AddRange(
            B(serviceA, L(23, 9, 0), BookingStatus.Served, L(23, 8, 50), called: L(23, 9, 2), done: L(23, 9, 17), desk: d1, answer: ReminderAnswer.Coming),
            B(serviceA, L(23, 9, 20), BookingStatus.Served, L(23, 9, 23), late: true, called: L(23, 9, 33), done: L(23, 9, 43), desk: d1, agent: true),
            B(serviceA, L(23, 10, 0), BookingStatus.NoShow, L(23, 9, 20), called: L(23, 10, 0), done: L(23, 10, 5), desk: d2),
            B(serviceA, L(23, 10, 0), BookingStatus.Expired),
            B(serviceA, L(23, 11, 0), BookingStatus.Cancelled, answer: ReminderAnswer.Released),
            B(serviceA, L(23, 11, 0), BookingStatus.Released, confirmed: false),
            B(serviceB, L(23, 12, 0), BookingStatus.Void),
            B(serviceB, L(23, 13, 0), BookingStatus.Expired, L(23, 13, 20), late: true, endOfDay: true),
            B(serviceB, L(23, 12, 30), BookingStatus.Served, L(23, 12, 25), called: L(23, 12, 40), done: L(23, 13, 10), desk: d2, agent: true,
                created: L(23, 8, 0), reminded: true),
            B(serviceA, L(24, 9, 0), BookingStatus.Served, L(24, 9, 40), late: true, called: L(24, 10, 30), done: L(24, 10, 50), desk: d1,
                created: L(24, 7, 0), moved: 2, by: clerk2, endOfDay: true),
            B(serviceA, L(25, 9, 0), BookingStatus.Served, L(25, 8, 55), called: L(25, 9, 0), done: L(25, 9, 10), desk: d1, moved: 1,
                answer: ReminderAnswer.Coming),
            B(serviceB, new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc), BookingStatus.Confirmed, created: L(23, 11, 0)),
            B(serviceB, new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc), BookingStatus.Confirmed, agent: true, created: L(23, 11, 30)));

        WalkInTicket T(DateOnly day, int number, int service, TicketStatus status, DateTime issued, DateTime? called = null, DateTime? done = null,
            int? desk = null) => new()
            {
                Id = Guid.NewGuid(),
                Code = $"H{day.Day}{number:000}",
                OfficeId = office,
                Day = day,
                Number = number,
                ServiceId = service,
                DurationMinutes = 15,
                Status = status,
                IssuedUtc = issued,
                Interrupted = number == 2,
                CalledUtc = called,
                CalledDeskId = desk,
                CalledByUserId = desk == d1 ? clerk1 : desk == d2 ? clerk2 : null,
                DoneUtc = done,
            };

        var t2 = T(Monday, 2, serviceA, TicketStatus.Served, L(23, 10, 10), L(23, 10, 40), L(23, 11, 0), d2);
        db.WalkInTickets.AddRange(
            T(Monday, 1, serviceA, TicketStatus.Served, L(23, 9, 5), L(23, 9, 17), L(23, 9, 32), d1),
            t2,
            T(Monday, 3, serviceB, TicketStatus.Closed, L(23, 13, 30)),
            T(Tuesday, 1, serviceA, TicketStatus.NoShow, L(24, 11, 0), L(24, 11, 5), L(24, 11, 6), d1));
        db.Interruptions.Add(new Interruption
        {
            OfficeId = office,
            Day = Monday,
            DeskId = d2,
            ServiceId = serviceA,
            WalkIn = true,
            CalledUtc = L(23, 10, 20),
            AtUtc = L(23, 10, 30),
            TicketId = t2.Id,
            CalledByUserId = clerk2,
        });
        await db.SaveChangesAsync();
        return ids;
    }
}
