using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rantevou.Core.Data;

namespace Rantevou.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL; no server is contacted to add a migration or script it.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<RantevouDbContext>
{
    public RantevouDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<RantevouDbContext>()
            .UseNpgsql("Host=localhost;Database=rantevou", x => x.MigrationsAssembly(CoreSetup.PostgreSqlMigrations))
            .Options);
}
