using Microsoft.Data.Sqlite;
using Rantevou.Core.Booking;

namespace Rantevou.Bench.Backend;

/// <summary>
/// An office's past: the bookings of the last <c>days</c> days on about 60% of every desk's quarter hours from 06:00 to
/// 22:00, each by another person, most served, some no-shows, cancellations and expiries. Each new booking's limits (R12)
/// are counted among the office's bookings, so a run on an empty table would show only what a new office pays.
/// No slot claims: past days take no bookings.
/// </summary>
public static class History
{
    /// <summary>How the past's people are told from the run's.</summary>
    public const string EmailPrefix = "past";

    public static async Task<int> AddAsync(Seeded seeded, int days)
    {
        var rng = new Random(11);
        await using var c = new SqliteConnection(seeded.ConnectionString);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await using var insert = Db.Command(c, """
            INSERT INTO Bookings (Id, Code, OfficeId, ServiceId, DeskId, StartUtc, EndUtc, DurationMinutes, Status, FullName, Email, EmailKey,
                Mobile, Culture, CreatedUtc, Late, Version)
            VALUES ($id, $code, $office, $service, $desk, $start, $end, $duration, $status, 'Πολίτης Δοκιμής', $email, $email, $mobile, 'el', $created, 0, 1)
            """, "$id", "$code", "$office", "$service", "$desk", "$start", "$end", "$duration", "$status", "$email", "$mobile", "$created");
        var made = 0;
        var today = DateTime.UtcNow.Date;
        for (var d = days; d >= 1; d--)
            foreach (var desk in seeded.DeskIds)
                for (var t = today.AddDays(-d).AddHours(6); t < today.AddDays(-d).AddHours(22); t = t.AddMinutes(seeded.DurationMinutes))
                {
                    if (rng.NextDouble() >= 0.6)
                        continue;
                    var status = rng.NextDouble() switch { < 0.85 => BookingStatus.Served, < 0.92 => BookingStatus.NoShow, < 0.97 => BookingStatus.Cancelled, _ => BookingStatus.Expired };
                    Db.Set(insert, Guid.CreateVersion7(t).ToString().ToUpperInvariant(), BookingCode.New(), seeded.OfficeId, seeded.ServiceId, desk,
                        Db.Text(t), Db.Text(t.AddMinutes(seeded.DurationMinutes)), seeded.DurationMinutes, status.ToString(),
                        $"{EmailPrefix}{made}@bench.example.org", $"+3069{made:00000000}", Db.Text(t.AddDays(-7)));
                    await insert.ExecuteNonQueryAsync();
                    made++;
                }
        await tx.CommitAsync();
        return made;
    }
}
