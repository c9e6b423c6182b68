using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Rantevou.Core.Data;

/// <summary>
/// New rows of mapped entities written by one command: one multi-row INSERT per entity type, in the order given.
/// For the hottest write, a new booking with its mail and slot claims, where EF's change tracking and SaveChanges cost
/// more than the inserts themselves. Tables, columns and parameter types (value converters included) come from the EF
/// model, so the rows are stored exactly as SaveChanges stores them; a key already taken fails the command with the
/// violation <see cref="DbErrors.IsUniqueViolation"/> recognises, and the caller's transaction rolls it all back.
/// The rows are not tracked. Only values the rows carry are written: a row that leaves a value to EF or the database
/// (a generated key, a column's default) is refused (ADR 0023).
/// </summary>
public static class RowInsert
{
    public static async Task InsertAsync(DbContext db, IReadOnlyList<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var sql = db.GetService<ISqlGenerationHelper>();
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var parameters = new List<DbParameter>();
        var text = new StringBuilder();
        for (var first = 0; first < rows.Count;)
        {
            var type = rows[first].GetType();
            var last = first;
            while (last + 1 < rows.Count && rows[last + 1].GetType() == type)
                last++;
            var shape = ShapeOf(db.Model, type, sql);
            text.Append(shape.Head);
            for (var r = first; r <= last; r++)
            {
                text.Append(r == first ? "(" : ", (");
                for (var c = 0; c < shape.Columns.Count; c++)
                {
                    var column = shape.Columns[c];
                    var value = column.GetGetter().GetClrValueUsingContainingEntity(rows[r]);
                    // SaveChanges leaves such a value to EF's generator or the column's default; this writes what the row carries.
                    if (column.ValueGenerated != ValueGenerated.Never && Equals(value, column.Sentinel))
                        throw new InvalidOperationException($"{type.Name}.{column.Name} has no value: RowInsert writes only the values a row carries.");
                    var name = $"r{parameters.Count}";
                    parameters.Add(column.GetRelationalTypeMapping().CreateParameter(factory, sql.GenerateParameterName(name), value, column.IsNullable));
                    text.Append(c == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                }
                text.Append(')');
            }
            text.Append(";\n");
            first = last + 1;
        }
        // Only names from the model and parameter placeholders are in the text; every value is a parameter.
        await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, ct);
    }

    /// <summary>"INSERT INTO table (columns) VALUES " and the columns in that order, once per model and type.</summary>
    sealed record Shape(string Head, IReadOnlyList<IProperty> Columns);

    static readonly ConcurrentDictionary<(IModel, Type), Shape> Shapes = new();

    static Shape ShapeOf(IModel model, Type type, ISqlGenerationHelper sql) => Shapes.GetOrAdd((model, type), key =>
    {
        var entity = key.Item1.FindEntityType(key.Item2)
            ?? throw new InvalidOperationException($"{key.Item2.Name} is not an entity of the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null && p.GetComputedColumnSql() is null).ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{entity.DisplayName()}.{shadow.Name} is a shadow property: RowInsert has no value for it.");
        var names = string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        return new Shape($"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({names}) VALUES ", columns);
    });
}
