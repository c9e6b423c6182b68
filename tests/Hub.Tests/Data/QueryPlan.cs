using System.Data.Common;

namespace Rantevou.Hub.Tests.Data;

/// <summary>SQLite's plan for a statement (EXPLAIN QUERY PLAN): one line per step, as the sqlite3 shell prints them.</summary>
public static class QueryPlan
{
    public static async Task<List<string>> ReadAsync(DbCommand command)
    {
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return plan;
    }
}
