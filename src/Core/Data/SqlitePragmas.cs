using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rantevou.Core.Data;

/// <summary>
/// Per-connection SQLite settings. The database runs in WAL mode (set once in <see cref="CoreSetup.PrepareDatabaseAsync"/>);
/// with WAL, synchronous=NORMAL keeps every committed transaction through a crash of the process, and syncs the log at
/// checkpoints instead of at every commit. Only a power loss or an operating-system crash may take back the last few
/// commits — the trade-off SQLite documents for WAL — and it roughly halves the time a booking holds the write lock.
/// temp_store=MEMORY keeps SQLite's temporary files (statement journals, sorts) in memory: on disk it created, wrote and
/// deleted one in /var/tmp about every 25 bookings under load, and a host that keeps /var/tmp read-only would fail them.
/// The settings belong to the physical connection, which the pool keeps open, so they are made once per physical
/// connection rather than on every open (EF opens and closes around each query).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;";

    static readonly ConditionalWeakTable<object, object> Set = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!FirstOpen(connection))
            return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!FirstOpen(connection))
            return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True the first time this physical connection (its native handle) is seen.</summary>
    static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Set.TryAdd(handle, handle);
}
