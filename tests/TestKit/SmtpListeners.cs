using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Storage;

namespace Rantevou.TestKit;

/// <summary>
/// The SMTP servers of the tests and the benchmark listen with Nagle's algorithm off, as a mail server's own does: each
/// answer is a small write, and with it on, the second of two pipelined answers waited about 40 ms for the client's
/// delayed acknowledgement, so mail went at about 20 messages a second. Plain SMTP only (no STARTTLS).
/// </summary>
public sealed class SmtpListeners : EndpointListenerFactory
{
    /// <summary>An SMTP server on 127.0.0.1:<paramref name="port"/> that hands each message to <paramref name="store"/>.</summary>
    public static SmtpServer.SmtpServer Create(int port, MessageStore store)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(new SmtpListeners());
        return new SmtpServer.SmtpServer(options, services);
    }

    public override IEndpointListener CreateListener(IEndpointDefinition endpoint) => new Listener(endpoint.Endpoint);

    sealed class Listener : IEndpointListener
    {
        readonly TcpListener listener;

        public Listener(IPEndPoint endpoint)
        {
            listener = new TcpListener(endpoint);
            listener.Start();
        }

        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken ct)
        {
            var client = await listener.AcceptTcpClientAsync(ct);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = listener.LocalEndpoint;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>A plain TCP connection as the library's sessions read and write it (no TLS here).</summary>
    sealed class Pipe(TcpClient client) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(client.GetStream());
        public PipeWriter Output { get; } = PipeWriter.Create(client.GetStream());
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken ct) =>
            throw new NotSupportedException("This mail server speaks plain SMTP.");

        public void Dispose() => client.Dispose();
    }
}
