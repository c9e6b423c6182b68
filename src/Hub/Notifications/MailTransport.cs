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
            try
            {
                await client.ConnectAsync(host, o.Port, o.Security, ct);
                if (!string.IsNullOrEmpty(o.Username))
                    await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
                return new SmtpTransport(client);
            }
            catch
            {
                client.Dispose();
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
