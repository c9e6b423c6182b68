using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Rantevou.Core.Data;

/// <summary>
/// An EF compiled query, compiled once per model. A compiled query is bound to the model it first ran with, and one
/// process can hold several (an office on SQLite beside one on PostgreSQL in the tests, the training office).
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
