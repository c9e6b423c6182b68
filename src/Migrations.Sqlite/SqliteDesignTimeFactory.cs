using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rantevou.Core.Data;

namespace Rantevou.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite without starting the server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<RantevouDbContext>
{
    public RantevouDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<RantevouDbContext>()
            .UseSqlite("Data Source=design-time.db", x => x.MigrationsAssembly(CoreSetup.SqliteMigrations))
            .Options);
}
