using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Rantevou.Core.Data;

namespace Rantevou.Hub.Notifications;

/// <summary>Where mail goes: SMTP when Smtp:Host is set, otherwise .eml files under data/mail (one file per message id).</summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(Guid id, MimeMessage message, CancellationToken ct);
}

public sealed class MailTransportFactory(IOptions<SmtpOptions> smtp, IOptions<RantevouOptions> site)
{
    /// <summary>The mail server's host, or null when none is set (mail is then written to files).</summary>
    string? Host => string.IsNullOrWhiteSpace(smtp.Value.Host) ? null : smtp.Value.Host;

    public bool UsesSmtp => Host is not null;

    public async Task<IMailTransport> OpenAsync(CancellationToken ct) => Host is { } host
        ? await SmtpTransport.ConnectAsync(host, smtp.Value, ct)
        : new FileTransport(Path.Combine(site.Value.DataDir, "mail"));

    sealed class SmtpTransport(SmtpClient client) : IMailTransport
    {
        public static async Task<IMailTransport> ConnectAsync(string host, SmtpOptions o, CancellationToken ct)
        {
            var client = new SmtpClient { Timeout = o.TimeoutSeconds * 1000 };
            Socket? socket = null;
            try
            {
                socket = await SmtpSocket.OpenAsync(host, o.Port, client.Timeout, ct);
                await client.ConnectAsync(socket, host, o.Port, o.Security, ct);
                if (!string.IsNullOrEmpty(o.Username))
                    await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
                return new SmtpTransport(client);
            }
            catch
            {
                client.Dispose();
                socket?.Dispose();
                throw;
            }
        }

        public Task SendAsync(Guid id, MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            if (client.IsConnected)
                await client.DisconnectAsync(quit: true);
            client.Dispose();
        }
    }

    sealed class FileTransport(string folder) : IMailTransport
    {
        public async Task SendAsync(Guid id, MimeMessage message, CancellationToken ct)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{id:N}.eml");
            var temp = path + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>The connection to the mail server, which MailKit then speaks SMTP over.</summary>
internal static class SmtpSocket
{
    /// <summary>
    /// With Nagle's algorithm off. SMTP writes a command and waits for its answer, so with it on, the last small write
    /// of each message waited for the server's delayed acknowledgement: about 40 ms a mail, 11–20 mails a second.
    /// </summary>
    public static async Task<Socket> OpenAsync(string host, int port, int timeoutMs, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(timeoutMs);
        try
        {
            await socket.ConnectAsync(host, port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"No connection to {host}:{port} within {timeoutMs / 1000} s.");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
