using System.Globalization;
using Microsoft.Data.Sqlite;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Data;

namespace Rantevou.Bench.Backend;

/// <summary>
/// The booking baseline: the least an HTTP booking endpoint can do on this stack — Kestrel, a minimal API reading the
/// same JSON body, and one Microsoft.Data.Sqlite INSERT into the same Bookings table of the same kind of database file
/// (the app's migration, WAL, the app's connection string and per-connection pragmas). No validation, no slot claims, no outbox, no transaction
/// beyond the statement's own: what remains of the Hub's cost above this is the product's work.
/// </summary>
public static class BaselineServer
{
    const string Insert = """
        INSERT INTO Bookings (Id, Code, OfficeId, ServiceId, DeskId, StartUtc, EndUtc, DurationMinutes, Status, FullName, Email, Mobile,
            Culture, CreatedUtc, Late, Version)
        VALUES ($id, $code, $office, $service, $desk, $start, $end, 15, 'Pending', $name, $email, $mobile, 'el', $created, 0, 0)
        """;

    public static async Task RunAsync(string dataDir, string url)
    {
        var seeded = await Seeder.WithDbAsync(dataDir, async db =>
            (Office: db.Offices.Select(o => o.Id).First(), Desks: db.Desks.Select(d => d.Id).ToArray()));
        var connection = CoreSetup.SqliteConnectionString(dataDir);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        long n = 0;
        app.MapGet("/health", () => "ok");
        app.MapPost("/api/bookings", async (CreateBookingRequest r) =>
        {
            var start = DateTimeOffset.Parse(r.Start!, CultureInfo.InvariantCulture).UtcDateTime;
            var code = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
            await using var c = new SqliteConnection(connection);
            await c.OpenAsync();
            await using (var pragma = c.CreateCommand())
            {
                // The same per-connection settings as the app's (SqlitePragmas), so both write alike.
                pragma.CommandText = SqlitePragmas.Sql;
                await pragma.ExecuteNonQueryAsync();
            }
            await using var cmd = c.CreateCommand();
            cmd.CommandText = Insert;
            cmd.Parameters.AddWithValue("$id", Guid.CreateVersion7().ToString().ToUpperInvariant());
            cmd.Parameters.AddWithValue("$code", code);
            cmd.Parameters.AddWithValue("$office", seeded.Office);
            cmd.Parameters.AddWithValue("$service", r.ServiceId ?? 0);
            cmd.Parameters.AddWithValue("$desk", seeded.Desks[Interlocked.Increment(ref n) % seeded.Desks.Length]);
            cmd.Parameters.AddWithValue("$start", Db.Text(start));
            cmd.Parameters.AddWithValue("$end", Db.Text(start.AddMinutes(15)));
            cmd.Parameters.AddWithValue("$name", r.FullName ?? "");
            cmd.Parameters.AddWithValue("$email", r.Email ?? "");
            cmd.Parameters.AddWithValue("$mobile", r.Mobile ?? "");
            cmd.Parameters.AddWithValue("$created", Db.Text(DateTime.UtcNow));
            await cmd.ExecuteNonQueryAsync();
            return Results.Created($"/api/bookings/{code}", new { code });
        });
        await app.RunAsync();
    }
}

/// <summary>How EF Core's SQLite provider writes a DateTime (TEXT), so raw SQL compares and sorts like the app's.</summary>
public static class Db
{
    public static string Text(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>A command with named parameters, for seeding rows one after another (<see cref="Set"/>).</summary>
    public static SqliteCommand Command(SqliteConnection c, string sql, params string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in names)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        return cmd;
    }

    /// <summary>The parameters' values, in the order they were named.</summary>
    public static void Set(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            cmd.Parameters[i].Value = values[i];
    }
}
