using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Rantevou.Core.Data;

public static class DbErrors
{
    /// <summary>
    /// A unique or primary key violation, on SQLite, SQL Server or PostgreSQL: a lost race, answered with 409. From SaveChanges
    /// (wrapped in a <see cref="DbUpdateException"/>) or from a statement of our own (the provider's exception itself).
    /// </summary>
    public static bool IsUniqueViolation(Exception e) => (e is DbUpdateException u ? u.InnerException : e) switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 1555 or 2067,
        SqlException s => s.Number is 2627 or 2601,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
