using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rantevou.TestKit;

/// <summary>A real SMTP server on 127.0.0.1 inside the test process; MailKit talks to it over TCP. It can be stopped and started again.</summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    readonly ConcurrentQueue<MimeMessage> received = new();
    readonly SemaphoreSlim arrived = new(0);
    SmtpServer.SmtpServer? server;
    Task? running;
    int acceptBeforeRefusing = -1;

    public int Port { get; } = FreePort();
    public IReadOnlyCollection<MimeMessage> Messages => received;

    /// <summary>Runs as each message arrives, before the server answers it: a test's view of the sender at that moment.</summary>
    public Func<MimeMessage, Task>? Receiving { get; set; }

    public static SmtpTestServer Start()
    {
        var s = new SmtpTestServer();
        s.Resume();
        return s;
    }

    public void Resume()
    {
        if (server is not null)
            return;
        server = SmtpListeners.Create(Port, new Store(this));
        running = server.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops listening: clients get "connection refused" until <see cref="Resume"/>.</summary>
    public async Task StopAsync()
    {
        if (server is null)
            return;
        server.Shutdown();
        await server.ShutdownTask;
        if (running is not null)
            await running;
        server = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived in total.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (received.Count < count)
            await arrived.WaitAsync(cts.Token);
        return received.ToList();
    }

    public MimeMessage Single(Func<MimeMessage, bool> match) => received.Single(match);

    /// <summary>Takes <paramref name="count"/> more messages, then answers every message with a temporary failure (452).</summary>
    public void RefuseAfter(int count) => Volatile.Write(ref acceptBeforeRefusing, count);

    /// <summary>Takes every message again.</summary>
    public void AcceptAll() => Volatile.Write(ref acceptBeforeRefusing, -1);

    public async ValueTask DisposeAsync() => await StopAsync();

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (Volatile.Read(ref owner.acceptBeforeRefusing) == 0)
                return new SmtpResponse(SmtpReplyCode.InsufficientStorage, "try again later");
            if (Volatile.Read(ref owner.acceptBeforeRefusing) > 0)
                Interlocked.Decrement(ref owner.acceptBeforeRefusing);
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, ct);
            if (owner.Receiving is { } receiving)
                await receiving(message);
            owner.received.Enqueue(message);
            owner.arrived.Release();
            return SmtpResponse.Ok;
        }
    }
}
