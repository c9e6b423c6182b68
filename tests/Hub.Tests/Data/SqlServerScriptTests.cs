using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Tests.Data;

/// <summary>The SQL Server migrations, scripted without a server and read back by the T-SQL parser.</summary>
public class SqlServerScriptTests
{
    static RantevouDbContext SqlServerContext() => new(
        new DbContextOptionsBuilder<RantevouDbContext>()
            .UseSqlServer("Server=unused;Database=Rantevou;TrustServerCertificate=True",
                x => x.MigrationsAssembly(CoreSetup.SqlServerMigrations))
            .Options);

    static string Script(MigrationsSqlGenerationOptions options)
    {
        using var db = SqlServerContext();
        return db.GetService<IMigrator>().GenerateScript(options: options);
    }

    static (TSqlFragment Tree, IList<ParseError> Errors) Parse(string sql)
    {
        var tree = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return (tree, errors);
    }

    [Theory]
    [InlineData(MigrationsSqlGenerationOptions.Default)]
    [InlineData(MigrationsSqlGenerationOptions.Idempotent)]
    public void MigrationScript_ParsesAsTSql_WithoutErrors(MigrationsSqlGenerationOptions options)
    {
        var script = Script(options);

        var (_, errors) = Parse(script);

        Assert.Contains("CREATE TABLE [SlotClaims]", script);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")));
    }

    [Fact]
    public void Parser_ReportsErrors_ForBrokenTSql()
    {
        // Shows the check above can fail: a truncated statement is an error, not an empty result.
        var (_, errors) = Parse("CREATE TABLE [SlotClaims] ([DeskId] int NOT NULL,");
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void MigrationScript_GivesSlotClaims_ACompositePrimaryKeyOnDeskAndUnit()
    {
        var (tree, _) = Parse(Script(MigrationsSqlGenerationOptions.Default));
        var tables = new CreateTables();
        tree.Accept(tables);

        var slotClaims = Assert.Single(tables.Found, t => t.SchemaObjectName.BaseIdentifier.Value == "SlotClaims");
        var primaryKey = Assert.Single(slotClaims.Definition.TableConstraints.OfType<UniqueConstraintDefinition>(), c => c.IsPrimaryKey);
        Assert.Equal("PK_SlotClaims", primaryKey.ConstraintIdentifier?.Value);
        Assert.Equal(["DeskId", "UnitStartUtc"],
            primaryKey.Columns.Select(c => c.Column.MultiPartIdentifier.Identifiers.Last().Value));
    }

    sealed class CreateTables : TSqlFragmentVisitor
    {
        public List<CreateTableStatement> Found { get; } = [];
        public override void Visit(CreateTableStatement node) => Found.Add(node);
    }
}
