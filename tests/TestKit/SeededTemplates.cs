using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Rantevou.TestKit;

/// <summary>
/// Migrated and seeded databases, one per database kind and set of seed inputs, made once per test process: a new
/// app's database starts as a copy (a file copy for SQLite, <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL), and its
/// start-up finds the schema and the demo office already there instead of building them again — most of a fresh
/// server's start. A template is made by an app like the tests' own, over the same clock instant and the same settings,
/// so a copy holds what that app's own first start would have written, except what each server makes for itself: the
/// booking-token key and the data-protection keys (and on PostgreSQL Hangfire's rows), removed so every app still
/// makes its own.
/// </summary>
static class SeededTemplates
{
    /// <summary>Settings that the migration and the seed never read: apps differing only in these share a template.</summary>
    static readonly string[] SeedNeutral =
    [
        "Rantevou:Accounts:", "Rantevou:Devices:", "Rantevou:Documents:", "Rantevou:Expiry:", "Rantevou:Jobs:",
        "Rantevou:Privacy:", "Rantevou:PublicBaseUrl", "Rantevou:RateLimits:", "Redis:", "Smtp:",
    ];

    const string SqliteFile = "rantevou.db";
    static readonly ConcurrentDictionary<string, Lazy<string>> Made = new();
    static readonly string Root = Path.Combine(Path.GetTempPath(), "rantevou-tests", $"templates-{Environment.ProcessId}-{Guid.NewGuid():N}");

    static SeededTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveFiles();

    /// <summary>Puts the SQLite template for this clock instant and these settings into <paramref name="dataDir"/>.</summary>
    public static void CopySqliteInto(string dataDir, DateTimeOffset start, IReadOnlyDictionary<string, string?> settings, bool realPasswordHashing) =>
        File.Copy(Template(TestDatabase.Sqlite, start, settings, realPasswordHashing), Path.Combine(dataDir, SqliteFile), overwrite: false);

    /// <summary>A new PostgreSQL database copied from the seeded template for this clock instant and these settings; its connection string.</summary>
    public static string CreatePostgres(DateTimeOffset start, IReadOnlyDictionary<string, string?> settings, bool realPasswordHashing) =>
        PostgresServer.Shared.CreateDatabase(Template(TestDatabase.PostgreSql, start, settings, realPasswordHashing));

    /// <summary>
    /// The template's SQLite file or PostgreSQL database name, made first when it is the first of its kind. The demo
    /// accounts' password hashes carry their rounds (<see cref="RantevouApp.RealPasswordHashing"/>), so those make a kind too.
    /// </summary>
    static string Template(TestDatabase database, DateTimeOffset start, IReadOnlyDictionary<string, string?> settings, bool realPasswordHashing)
    {
        var seedInputs = settings.Where(s => !SeedNeutral.Any(p => s.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase).ToDictionary();
        var key = $"{database}|{start:O}|{realPasswordHashing}|{string.Join('|', seedInputs.Select(s => $"{s.Key}={s.Value}"))}";
        return Made.GetOrAdd(key, _ => new Lazy<string>(() => Make(database, start, seedInputs, realPasswordHashing), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    static string Make(TestDatabase database, DateTimeOffset start, Dictionary<string, string?> settings, bool realPasswordHashing)
    {
        var dir = Path.Combine(Root, Guid.NewGuid().ToString("N"));
        string? postgres;
        using (var app = new RantevouApp(dir, new FakeTimeProvider(start))
        { KeepData = true, FromTemplate = false, Database = database, RealPasswordHashing = realPasswordHashing })
        {
            foreach (var (key, value) in settings)
                app.Settings[key] = value;
            // Starting the host runs the start-up's preparation: migrations, the office, the roles, the demo accounts.
            _ = app.Services;
            postgres = app.PostgresConnection;
        }
        return postgres is null ? FinishSqlite(Path.Combine(dir, SqliteFile)) : FinishPostgres(postgres);
    }

    static string FinishSqlite(string file)
    {
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                DELETE FROM Secrets; DELETE FROM DataProtectionKeys;
                DELETE FROM sqlite_sequence WHERE name IN ('Secrets', 'DataProtectionKeys');
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            command.ExecuteNonQuery();
        }
        // The last connection has closed, so SQLite has folded the write-ahead log into the file and removed it: the
        // file alone is the whole database, and nothing opens it again, so every copy of it is complete.
        if (File.Exists(file + "-wal") && new FileInfo(file + "-wal").Length > 0)
            throw new InvalidOperationException($"The SQLite template {file} still has a write-ahead log after its last connection closed.");
        return file;
    }

    static string FinishPostgres(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString + ";Pooling=false"))
        {
            connection.Open();
            // Hangfire's tables stay (as in the schema template), its rows go: each app registers its own jobs.
            using var command = new NpgsqlCommand("""
                DELETE FROM "Secrets"; DELETE FROM "DataProtectionKeys";
                ALTER TABLE "DataProtectionKeys" ALTER COLUMN "Id" RESTART WITH 1;
                DO $$ DECLARE t text; BEGIN
                  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'hangfire' AND tablename <> 'schema' LOOP
                    EXECUTE format('DELETE FROM hangfire.%I', t);
                  END LOOP;
                END $$;
                """, connection);
            command.ExecuteNonQuery();
        }
        // A database is copied only while nothing else is connected to it.
        using (var pooled = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(pooled);
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    static void RemoveFiles()
    {
        try
        {
            if (Directory.Exists(Root))
                Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
