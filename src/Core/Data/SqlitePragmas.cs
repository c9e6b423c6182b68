using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rantevou.Core.Data;

/// <summary>
/// Per-connection SQLite settings. The database runs in WAL mode (set once in <see cref="CoreSetup.PrepareDatabaseAsync"/>);
/// with WAL, synchronous=NORMAL keeps every committed transaction through a crash of the process, and syncs the log at
/// checkpoints instead of at every commit. Only a power loss or an operating-system crash may take back the last few
/// commits — the trade-off SQLite documents for WAL — and it roughly halves the time a booking holds the write lock.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public const string Sql = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Sql;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
