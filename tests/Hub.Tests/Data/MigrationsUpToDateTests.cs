using Microsoft.EntityFrameworkCore;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Tests.Data;

/// <summary>Each migrations assembly matches the model: a model change without a migration fails here, not in production.</summary>
public class MigrationsUpToDateTests
{
    [Fact]
    public void SqliteMigrations_HaveNoPendingModelChanges()
    {
        using var db = new Rantevou.Migrations.Sqlite.SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed; add a migration to src/Migrations.Sqlite");
    }

    [Fact]
    public void SqlServerMigrations_HaveNoPendingModelChanges()
    {
        using var db = new Rantevou.Migrations.SqlServer.SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed; add a migration to src/Migrations.SqlServer");
    }

    [Fact]
    public void PostgreSqlMigrations_HaveNoPendingModelChanges()
    {
        using var db = new Rantevou.Migrations.PostgreSql.PostgreSqlDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed; add a migration to src/Migrations.PostgreSql");
    }
}
