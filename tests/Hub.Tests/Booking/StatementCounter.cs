using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Data;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>One statement the database was sent, and whether it ran inside a transaction.</summary>
public sealed record Statement(string Sql, bool InTransaction);

/// <summary>Records the commands EF sends while <see cref="Counting"/> is on (the test server runs nothing else meanwhile).</summary>
public sealed class StatementCounter : DbCommandInterceptor
{
    readonly ConcurrentQueue<Statement> seen = new();
    volatile bool counting;

    public bool Counting
    {
        get => counting;
        set => counting = value;
    }

    public IReadOnlyList<Statement> Statements => [.. seen];

    public void Clear() => seen.Clear();

    void Record(DbCommand command)
    {
        if (counting)
            seen.Enqueue(new Statement(command.CommandText, command.Transaction is not null));
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return base.ScalarExecuting(command, eventData, result);
    }
}

/// <summary>A test server whose database context also reports to a <see cref="StatementCounter"/>.</summary>
public sealed class CountingApp : RantevouApp
{
    public StatementCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<RantevouDbContext>(o => o.AddInterceptors(Counter)));
    }
}
