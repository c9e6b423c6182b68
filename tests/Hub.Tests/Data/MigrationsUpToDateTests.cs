using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

    /// <summary>
    /// EF rebuilds a SQLite table with its foreign keys paused, a step SQLite cannot take inside the migration's
    /// transaction: a crash in the middle would leave an office's database half migrated. Upgrades avoid it.
    /// </summary>
    [Fact]
    public void SqliteUpgrades_RunEachMigrationInsideItsTransaction()
    {
        using var db = new Rantevou.Migrations.Sqlite.SqliteDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();
        Assert.Contains("CREATE TABLE \"ef_temp_SlotClaims\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("PRAGMA foreign_keys", script, StringComparison.Ordinal);
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
