using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Rantevou.Contracts.Queue;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// A display joined to one office over a real SignalR connection: counts the changes it hears, and waits for a pushed
/// snapshot that shows something.
/// </summary>
public sealed class QueueListener : IAsyncDisposable
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    readonly HubConnection connection;
    readonly Channel<QueueSnapshot> snapshots = Channel.CreateUnbounded<QueueSnapshot>();
    int heard;

    QueueListener(HubConnection connection) => this.connection = connection;

    /// <summary>Changes heard since joining.</summary>
    public int Heard => Volatile.Read(ref heard);

    public static async Task<QueueListener> JoinAsync(RantevouApp app, string? office)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, HubPaths.Queue), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
            })
            .Build();
        var listener = new QueueListener(connection);
        connection.On<QueueChange>(nameof(IQueueClient.QueueChanged), c =>
        {
            Interlocked.Increment(ref listener.heard);
            if (c.Snapshot is { } s)
                listener.snapshots.Writer.TryWrite(s);
        });
        await connection.StartAsync().WaitAsync(Wait);
        await connection.InvokeAsync<QueueSnapshot>(nameof(IQueueHub.JoinOffice), office).WaitAsync(Wait);
        return listener;
    }

    /// <summary>The first pushed snapshot that satisfies <paramref name="shows"/>.</summary>
    public async Task<QueueSnapshot> UntilAsync(Func<QueueSnapshot, bool> shows)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (true)
        {
            var s = await snapshots.Reader.ReadAsync(timeout.Token);
            if (shows(s))
                return s;
        }
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
