using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Rantevou.Core.Data;

namespace Rantevou.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef</c> build the model for SQL Server; no server is contacted to add a migration or script it.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<RantevouDbContext>
{
    public RantevouDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<RantevouDbContext>()
            .UseSqlServer("Server=localhost;Database=Rantevou;Trusted_Connection=True;TrustServerCertificate=True",
                x => x.MigrationsAssembly(CoreSetup.SqlServerMigrations))
            .Options);
}
