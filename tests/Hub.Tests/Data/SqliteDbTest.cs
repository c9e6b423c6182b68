using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Tests.Data;

/// <summary>A test over Core alone on a fresh SQLite file (<see cref="SqliteDatabase"/>), with one context.</summary>
public abstract class SqliteDbTest : IAsyncLifetime
{
    readonly SqliteDatabase database = new();

    protected RantevouDbContext Db { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Db = (await database.StartAsync()).CreateScope().ServiceProvider.GetRequiredService<RantevouDbContext>();

    public async Task DisposeAsync() => await database.DisposeAsync();
}
