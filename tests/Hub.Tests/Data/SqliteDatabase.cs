using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Tests.Data;

/// <summary>
/// Core alone (no web host) over a fresh SQLite file in a temporary folder, set up as the server does it:
/// <c>AddRantevouCore</c> and <c>PrepareDatabaseAsync</c>. Each <see cref="StartAsync"/> is a new process start over the same file.
/// </summary>
sealed class SqliteDatabase : IAsyncDisposable
{
    readonly List<IHost> hosts = [];

    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "rantevou-data-tests", Guid.NewGuid().ToString("N"));
    public string FilePath => Path.Combine(DataDir, "rantevou.db");

    public async Task<IServiceProvider> StartAsync(string environment = "Testing")
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rantevou:DataDir"] = DataDir,
            ["Database:Provider"] = "Sqlite",
        });
        builder.AddRantevouCore();
        var host = builder.Build();
        hosts.Add(host);
        await host.Services.PrepareDatabaseAsync();
        return host.Services;
    }

    /// <summary>A plain connection to the file, outside EF, for PRAGMAs and raw SQL.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
            host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        await Task.CompletedTask;
    }
}
