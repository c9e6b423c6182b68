using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Rantevou.Resilience.Tests;

/// <summary>
/// The tests that start, kill and restart nodes without a browser, one after another; every other test is in
/// <see cref="Browser.Tests.BrowserCollection"/>, which runs beside this one. Two lanes, no more: most of a test's time
/// is waiting (a real-time minute for the shared job schedule, a fixed Redis outage, a mail claim running out), so two
/// lanes take about half as long as one, while the bursts and timings still have a core each. Each test starts its own
/// nodes, data folder, SMTP server, Redis and database: the lanes share nothing but the machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessLane
{
    public const string Name = "processes";
}

/// <summary>What the multi-process tests share: node settings, the training clock, a look into the SQLite file.</summary>
static class Nodes
{
    /// <summary>
    /// Tuesday 1 December 2026, 08:00 in Athens: the office day is ahead, whatever day the tests run on. The training
    /// clock (Rantevou:Clock) runs at real speed from there; every node started with it agrees to within seconds.
    /// </summary>
    public const string ClockStart = "2026-12-01T08:00:00+02:00";

    public static readonly DateOnly Tuesday = new(2026, 12, 1);

    public static Dictionary<string, string?> Settings(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { ["Rantevou:Clock:Start"] = ClockStart };
        foreach (var (key, value) in more)
            settings[key] = value;
        return settings;
    }

    public static string NewDataDir() => Path.Combine(Path.GetTempPath(), "rantevou-nodes", Guid.NewGuid().ToString("N"));

    public static void DeleteDataDir(string dir)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The database file opened directly, as an operator would after a crash (no pooling: the file is let go at once).</summary>
    public static SqliteConnection OpenDatabase(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A PostgreSQL database the nodes share (ADR 0011): its settings for the nodes, and its connection string.</summary>
    public static string UsePostgres(Dictionary<string, string?> settings)
    {
        var connection = PostgresServer.Shared.CreateDatabase();
        settings["Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Rantevou"] = connection;
        return connection;
    }

    public static NpgsqlConnection OpenPostgres(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        return connection;
    }

    public static List<T> Query<T>(DbConnection db, string sql, Func<DbDataReader, T> row)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(row(reader));
        return rows;
    }

    /// <summary>A clerk signed in on one node with a bearer token (POST /api/auth/login).</summary>
    public static async Task<HttpClient> ClerkAsync(HubProcess node, string email)
    {
        var http = node.Client();
        var response = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo!2026" });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
