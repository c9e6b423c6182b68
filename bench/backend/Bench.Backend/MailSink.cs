using System.Buffers;
using Rantevou.TestKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Rantevou.Bench.Backend;

/// <summary>
/// An SMTP server in the benchmark's process (on the load generator's core) that takes every message and only counts
/// it. The Hub under load sends its mail to it over TCP with MailKit, as it does to the office's mail server; without
/// one it writes a file per message, which measures the file system's directory instead of the Hub.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    readonly SmtpServer.SmtpServer server;
    readonly Task running;
    long received;

    MailSink(int port)
    {
        Port = port;
        server = SmtpListeners.Create(port, new Counter(this));
        running = server.StartAsync(CancellationToken.None);
    }

    public int Port { get; }

    public long Received => Interlocked.Read(ref received);

    /// <summary>The Hub's settings that send its mail here.</summary>
    public Dictionary<string, string> HubSettings => new()
    {
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = Port.ToString(),
        ["Smtp__Security"] = "None",
    };

    /// <param name="port">0: a free port.</param>
    public static MailSink Start(int port = 0) => new(port == 0 ? Server.FreePort() : port);

    public async ValueTask DisposeAsync()
    {
        server.Shutdown();
        await server.ShutdownTask;
        await running;
    }

    sealed class Counter(MailSink owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            Interlocked.Increment(ref owner.received);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
