using System.Diagnostics;
using Hangfire.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Rantevou.Core.Data;

namespace Rantevou.TestKit;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's <c>postgresql</c>, build/prerequisites.sh) for the whole test process:
/// initdb in a temporary folder, trust authentication, 127.0.0.1 on a free port, its socket in the same folder,
/// durability off (fsync, synchronous commit), stopped when the process exits. PostgreSQL refuses to run as root, so
/// under root the cluster belongs to the <c>postgres</c> user and its programs run through <c>setpriv</c>.
/// Each test app gets a database of its own, copied from a template that is migrated once.
/// </summary>
public sealed class PostgresServer
{
    const string Template = "rantevou_template";
    /// <summary>The newest installed major version's programs (Debian: /usr/lib/postgresql/15/bin on bookworm).</summary>
    static readonly string Bin = Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin")).LastOrDefault() ?? ""
        : "";
    static readonly Lazy<PostgresServer> shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    readonly Lock creating = new();
    readonly string root;
    int databases;

    PostgresServer(string root, int port)
    {
        this.root = root;
        Port = port;
    }

    /// <summary>The process's server, started on first use.</summary>
    public static PostgresServer Shared => shared.Value;

    public int Port { get; }

    string DataDir => Path.Combine(root, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=60";

    /// <summary>
    /// A new database copied from <paramref name="template"/>: by default the migrated one (the schema of Rantevou and of
    /// Hangfire, no rows); its connection string.
    /// </summary>
    public string CreateDatabase(string template = Template)
    {
        // Under PostgreSQL's 63-byte limit whatever the process id (a short one made a fixed-length cut fail).
        var name = $"t{Environment.ProcessId}_{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}";
        // One copy at a time: a copy of the template fails while anything else has the template open.
        lock (creating)
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops a test's database, closing what is still connected to it.</summary>
    public void DropDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        using (var connection = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(connection);
        Execute($"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)");
    }

    /// <summary>What the server logged for one database (its errors, each with the statement that failed).</summary>
    public string LogOf(string connectionString)
    {
        var prefix = new NpgsqlConnectionStringBuilder(connectionString).Database + ":";
        using var reader = new StreamReader(new FileStream(Path.Combine(root, "log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
                lines.Add(line);
        }
        return string.Join('\n', lines);
    }

    void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    static PostgresServer Start()
    {
        if (!File.Exists(Path.Combine(Bin, "postgres")))
            throw new InvalidOperationException("PostgreSQL is not installed under /usr/lib/postgresql: run build/prerequisites.sh.");
        RemoveStale();
        var root = Path.Combine(Path.GetTempPath(), $"rantevou-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var server = new PostgresServer(root, HubProcess.FreePort());
        if (IsRoot())
            Run("chown", "postgres:postgres", root);
        Pg("initdb", "-D", server.DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        Pg("pg_ctl", "-D", server.DataDir, "-l", Path.Combine(root, "log"), "-w", "-t", "60", "start", "-o",
            $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
            "-c full_page_writes=off -c max_connections=300 -c shared_buffers=64MB -c log_line_prefix=%d:");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        server.PrepareTemplate();
        return server;
    }

    /// <summary>Migrates the template once, with Hangfire's tables as the app would create them on its first start.</summary>
    void PrepareTemplate()
    {
        Execute($"CREATE DATABASE {Template}");
        var connection = ConnectionString(Template) + ";Pooling=false";
        using (var db = new RantevouDbContext(new DbContextOptionsBuilder<RantevouDbContext>()
                   .UseNpgsql(connection, x => x.MigrationsAssembly(CoreSetup.PostgreSqlMigrations)).Options))
            db.Database.Migrate();
        using (var npgsql = new NpgsqlConnection(connection))
        {
            npgsql.Open();
            PostgreSqlObjectsInstaller.Install(npgsql, "hangfire");
            using var check = new NpgsqlCommand("SELECT to_regclass('hangfire.lock') IS NOT NULL", npgsql);
            if (check.ExecuteScalar() is not true)
                throw new InvalidOperationException("Hangfire's tables were not installed in the PostgreSQL template.");
        }
    }

    void Stop()
    {
        try
        {
            Pg("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop");
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Clusters of earlier test processes that were stopped but not deleted (a test host may end before its exit handler
    /// is through): an hour old and no server running in them.
    /// </summary>
    static void RemoveStale()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "rantevou-pg-*"))
        {
            try
            {
                if (!File.Exists(Path.Combine(dir, "data", "postmaster.pid"))
                    && Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-1))
                    Directory.Delete(dir, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    static readonly Lazy<bool> root0 = new(() => Run("id", "-u").Trim() == "0");

    static bool IsRoot() => root0.Value;

    /// <summary>A PostgreSQL program, as the postgres user when the tests run as root.</summary>
    static void Pg(string program, params string[] args)
    {
        var path = Path.Combine(Bin, program);
        if (IsRoot())
            Run("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", path, .. args]);
        else
            Run(path, args);
    }

    static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        return output.Result;
    }
}
