using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Rantevou.Core.Accounts;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;

namespace Rantevou.Hub.Notifications;

/// <summary>
/// An account's invitation and password-reset mails, Greek first and then English in the same mail (staff
/// have no language of their own yet), each with the one-use link to <c>/account/set-password</c>.
/// </summary>
public sealed class AccountMail(IStringLocalizer<MailText> text, IOptions<RantevouOptions> site, IOptions<SmtpOptions> smtp, TimeProvider clock)
    : IAccountMail
{
    static readonly CultureInfo[] Languages = [CultureInfo.GetCultureInfo("el"), CultureInfo.GetCultureInfo("en")];

    /// <summary>The link of the mail: the account's address and the Identity token, for the set-password page.</summary>
    public static string Link(string baseUrl, string email, string token, string culture) =>
        $"{baseUrl.TrimEnd('/')}/account/set-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}"
        + (Language.Of(culture) == Language.English ? "&culture=en" : "");

    public OutboxMessage Compose(AccountMailKind kind, AppUser user, string token)
    {
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var email = user.Email ?? throw new InvalidOperationException("An account without an address gets no mail");
        var parts = Languages.Select(culture =>
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                return (Culture: culture.Name, Subject: text[$"Account.Subject.{kind}"].Value, Intro: text[$"Account.Intro.{kind}", user.DisplayName].Value,
                    Expiry: text["Account.Expiry"].Value, Label: text[$"Account.Link.{kind}"].Value, Footer: text["Account.Footer"].Value,
                    Url: Link(site.Value.PublicBaseUrl, email, token, culture.Name));
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }).ToList();
        var subject = $"{parts[0].Subject} / {parts[1].Subject}";

        var plain = new StringBuilder();
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html lang=\"el\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>");
        html.Append("<body style=\"font-family:Arial,sans-serif;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px\">");
        foreach (var p in parts)
        {
            plain.AppendLine(p.Subject).AppendLine().AppendLine(p.Intro).AppendLine(p.Expiry).AppendLine()
                .Append(p.Label).Append(": ").AppendLine(p.Url).AppendLine().AppendLine(p.Footer).AppendLine().AppendLine("----").AppendLine();
            html.Append($"<div lang=\"{p.Culture}\"><h1 style=\"font-size:20px;color:#0b3d91\">{E(p.Subject)}</h1><p>{E(p.Intro)}</p><p>{E(p.Expiry)}</p>");
            html.Append($"<p><a href=\"{E(p.Url)}\" style=\"display:inline-block;background:#0b3d91;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">{E(p.Label)}</a></p>");
            html.Append($"<p style=\"font-size:12px;color:#555\">{E(p.Footer)}</p></div><hr>");
        }
        html.Append("</body></html>");

        var message = new MimeMessage { Subject = subject, MessageId = $"{id:N}@rantevou", Date = clock.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(new MailboxAddress(user.DisplayName, email));
        message.Headers.Add(HeaderId.ContentLanguage, "el, en");
        message.Body = new BodyBuilder { TextBody = plain.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        using var mime = new MemoryStream();
        message.WriteTo(mime);
        return new OutboxMessage
        {
            Id = id,
            Kind = "Account" + kind,
            ToAddress = email,
            Subject = subject,
            Mime = mime.ToArray(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            NextAttemptUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    static string E(string s) => WebUtility.HtmlEncode(s);
}
