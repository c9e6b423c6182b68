using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Rantevou.Core.Data;

namespace Rantevou.Core.Booking;

/// <summary>
/// A booking's slot claims (ADR 0001) as one multi-row INSERT. SaveChanges sends one statement per row on SQLite, which
/// made a one-hour booking twelve statements inside the write lock. The table, columns and parameter types come from
/// the EF model, so the rows are stored exactly as EF stores them; a claim already taken fails the statement with the
/// primary-key violation that <see cref="DbErrors.IsUniqueViolation"/> recognises.
/// </summary>
public static class ClaimInsert
{
    public static async Task InsertAsync(RantevouDbContext db, Booking booking, CancellationToken ct)
    {
        var claims = SlotClaim.For(booking).ToList();
        if (claims.Count == 0)
            return;
        var entity = db.Model.FindEntityType(typeof(SlotClaim))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new[] { nameof(SlotClaim.DeskId), nameof(SlotClaim.UnitStartUtc), nameof(SlotClaim.BookingId) }
            .Select(name => entity.FindProperty(name)!).ToList();
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        var rows = new List<string>();
        foreach (var claim in claims)
        {
            var values = new object[] { claim.DeskId, claim.UnitStartUtc, claim.BookingId };
            var names = new List<string>();
            for (var i = 0; i < columns.Count; i++)
            {
                var name = $"c{parameters.Count}";
                parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(factory, sql.GenerateParameterName(name), values[i]));
                names.Add(sql.GenerateParameterNamePlaceholder(name));
            }
            rows.Add($"({string.Join(", ", names)})");
        }
        var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)));
        // Only names from the model and parameter placeholders go into the text; every value is a parameter.
        var insert = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columnList}) VALUES {string.Join(", ", rows)}";
        await db.Database.ExecuteSqlRawAsync(insert, parameters, ct);
    }
}
