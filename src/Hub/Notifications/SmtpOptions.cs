using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Rantevou.Hub.Notifications;

/// <summary>SMTP settings (API.md: Smtp:Host, Smtp:Port, Smtp:From). Without a host, mail is written as .eml files.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    [Required]
    public string From { get; set; } = "Rantevou <no-reply@rantevou.example>";

    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Auto (STARTTLS when offered), None, SslOnConnect, StartTls: an enum, so a typo stops the start, not every send.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Seconds to wait for the SMTP server before giving up this attempt.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 20;
}
