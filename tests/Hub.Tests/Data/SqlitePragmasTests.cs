using Microsoft.EntityFrameworkCore;

namespace Rantevou.Hub.Tests.Data;

/// <summary>Every physical connection the app opens has its SQLite settings (<see cref="Core.Data.SqlitePragmas"/>).</summary>
public sealed class SqlitePragmasTests : SqliteDbTest
{
    [Fact]
    public async Task TheAppsConnection_SyncsAtCheckpoints_AndKeepsTemporaryFilesInMemory()
    {
        // 1: NORMAL; 2: MEMORY.
        Assert.Equal(1, await Db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());
        Assert.Equal(2, await Db.Database.SqlQueryRaw<long>("SELECT temp_store AS Value FROM pragma_temp_store").SingleAsync());
    }
}
