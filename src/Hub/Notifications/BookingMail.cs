using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Rantevou.Core.Booking;
using Rantevou.Core.Catalogue;
using Rantevou.Core.Data;
using Rantevou.Core.Localization;
using Rantevou.Core.Notifications;
using Rantevou.Core.Offices;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Hub.Notifications;

/// <summary>
/// R2: the email for each booking change, in the language the person booked in, as HTML and text.
/// The confirmation mail carries the QR code (inline and attached) and a calendar file.
/// </summary>
public sealed class BookingMail(
    IStringLocalizer<MailText> text, BookingTokens tokens, IOptions<RantevouOptions> site, IOptions<SmtpOptions> smtp, TimeProvider clock)
    : IBookingMail
{
    public OutboxMessage Compose(MailKind kind, Core.Booking.Booking booking, Service service, Office office, Desk desk, MailRecipient? to = null,
        Previously? before = null)
    {
        to ??= new MailRecipient(booking.FullName, booking.Email);
        var culture = CultureInfo.GetCultureInfo(Language.Of(booking.Culture));
        using var scope = new UiCulture(culture);
        var id = Guid.CreateVersion7(clock.GetUtcNow());
        var baseUrl = site.Value.PublicBaseUrl.TrimEnd('/');
        var manageUrl = $"{baseUrl}/b/{booking.Code}?token={tokens.Manage(booking.Id)}&culture={culture.Name}";
        var confirmUrl = $"{baseUrl}/b/{booking.Code}/confirm?token={tokens.Confirm(booking.Id)}&culture={culture.Name}";
        // Book again: the same service's days when it is still offered, the home page's list when it is not.
        var bookUrl = service.Active ? $"{baseUrl}/book/{service.Id}?culture={culture.Name}" : $"{baseUrl}/?culture={culture.Name}";
        var reminderQuery = $"?token={tokens.Reminder(booking.Id)}&culture={culture.Name}";
        string When(DateTime utc) => OfficeCalendar.ToLocal(utc, office.TimeZone).ToString("dddd d MMMM yyyy, HH:mm", culture);

        var subject = text[$"Subject.{kind}", BookingCode.Display(booking.Code)];
        var facts = new List<(string Label, string Value)>
        {
            (text["Label.Code"], BookingCode.Display(booking.Code)),
            (text["Label.Service"], service.Name(culture.Name)),
            (text["Label.When"], When(booking.StartUtc)),
        };
        // R2: a moved appointment's mail says what it was, beside what it is now.
        if (before is not null && before.StartUtc != booking.StartUtc)
            facts.Add((text["Label.WhenBefore"], When(before.StartUtc)));
        facts.Add((text["Label.Office"], office.Name(culture.Name)));
        facts.Add((text["Label.Desk"], desk.Name(culture.Name)));
        if (before?.Desk is { } oldDesk && oldDesk.Id != desk.Id)
            facts.Add((text["Label.DeskBefore"], oldDesk.Name(culture.Name)));
        // R7: booked by a school or agent for the person, who did not book it themselves: said first, not "you booked".
        var lines = kind == MailKind.Created && booking.AgentName is { Length: > 0 } agent
            ? new List<string> { text["BookedBy", agent], text["Intro.CreatedForYou"] }
            : [text[$"Intro.{kind}"]];
        var links = new List<(string Label, string Url)>();
        // R7: a booking moved before it was confirmed still needs the confirm link, and no QR for the kiosk yet.
        var unconfirmed = booking.Status == Core.Booking.BookingStatus.Pending;
        switch (kind)
        {
            case MailKind.Created:
            case MailKind.Rescheduled or MailKind.DeskChanged when unconfirmed:
                lines.Add(text["ConfirmBy", OfficeCalendar.ToLocal(booking.HoldUntilUtc ?? booking.StartUtc, office.TimeZone).ToString("HH:mm, d MMM", culture)]);
                links.Add((text["Link.Confirm"], confirmUrl));
                links.Add((text["Link.Manage"], manageUrl));
                break;
            case MailKind.Confirmed or MailKind.Rescheduled or MailKind.DeskChanged:
                lines.Add(text["QrHint"]);
                links.Add((text["Link.Manage"], manageUrl));
                break;
            case MailKind.Reminder:
                // R2: one click each; the links open a page whose button does it, since mail scanners fetch links.
                lines.Add(text["ReminderAsk"]);
                links.Add((text["Link.Coming"], $"{baseUrl}/b/{booking.Code}/coming{reminderQuery}"));
                links.Add((text["Link.Release"], $"{baseUrl}/b/{booking.Code}/release{reminderQuery}"));
                links.Add((text["Link.Manage"], manageUrl));
                break;
            default:
                if (booking.StatusReason is { Length: > 0 } reason)
                    lines.Add(text["Reason", reason]);
                links.Add((text["Link.BookAgain"], bookUrl));
                break;
        }
        var documents = kind is MailKind.Created or MailKind.Confirmed or MailKind.Rescheduled or MailKind.DeskChanged or MailKind.Reminder
            ? service.Documents.OrderBy(d => d.SortOrder).Select(d => d.Text(culture.Name)).ToList()
            : [];

        var body = new BodyBuilder { TextBody = Text(lines, facts, text["Label.Documents"], documents, links) };
        // R3: every mail of a confirmed booking that brings it to mind carries the code the kiosk scans, the reminder too.
        var withQr = kind is MailKind.Confirmed || (kind is MailKind.Rescheduled or MailKind.DeskChanged or MailKind.Reminder && !unconfirmed);
        string? qrCid = null;
        if (withQr)
        {
            var png = QrImages.Png(tokens.QrText(booking.Code));
            var inline = body.LinkedResources.Add("qr.png", png, new ContentType("image", "png"));
            qrCid = inline.ContentId = $"qr-{booking.Code}@rantevou";
            body.Attachments.Add($"rantevou-{booking.Code}.png", png, new ContentType("image", "png"));
        }
        // A cancellation cancels the calendar entry only where one was sent: a booking never confirmed had none.
        var ended = kind is MailKind.Cancelled or MailKind.Expired or MailKind.Voided or MailKind.Released or MailKind.CancelledByOffice;
        if (withQr || ended && booking.ConfirmedUtc is not null)
        {
            var cancelled = !withQr;
            var ics = CalendarFile.Event(new CalendarEntry($"{booking.Id:N}@rantevou", CalendarFile.Sequence(booking.Version, cancelled),
                booking.StartUtc, booking.EndUtc, $"{service.Name(culture.Name)} ({BookingCode.Display(booking.Code)})",
                $"{office.Name(culture.Name)} – {desk.Name(culture.Name)}", manageUrl, MailboxAddress.Parse(smtp.Value.From).Address,
                clock.GetUtcNow().UtcDateTime), cancelled);
            body.Attachments.Add("rantevou.ics", Encoding.UTF8.GetBytes(ics), new ContentType("text", "calendar") { Charset = "utf-8" });
        }
        body.HtmlBody = Html(culture, subject, lines, facts, documents, links, qrCid);

        var message = new MimeMessage { Subject = subject, MessageId = $"{id:N}@rantevou", Date = clock.GetUtcNow() };
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        message.Headers.Add(HeaderId.ContentLanguage, culture.Name);
        message.Body = body.ToMessageBody();
        using var mime = new MemoryStream();
        message.WriteTo(mime);
        return new OutboxMessage
        {
            Id = id,
            BookingId = booking.Id,
            Kind = kind.ToString(),
            ToAddress = to.Email,
            Subject = subject,
            Mime = mime.ToArray(),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            NextAttemptUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    static string Text(List<string> lines, List<(string Label, string Value)> facts, string documentsHeading, List<string> documents,
        List<(string Label, string Url)> links)
    {
        var sb = new StringBuilder();
        foreach (var l in lines)
            sb.AppendLine(l).AppendLine();
        foreach (var (label, value) in facts)
            sb.Append(label).Append(": ").AppendLine(value);
        // What to do (confirm within the hold, R9) before what to bring: on a phone a long list would hide it.
        sb.AppendLine();
        foreach (var (label, url) in links)
            sb.Append(label).Append(": ").AppendLine(url);
        if (documents.Count > 0)
        {
            sb.AppendLine().AppendLine(documentsHeading);
            foreach (var d in documents)
                sb.Append("- ").AppendLine(d);
        }
        return sb.ToString();
    }

    string Html(CultureInfo culture, string subject, List<string> lines, List<(string Label, string Value)> facts,
        List<string> documents, List<(string Label, string Url)> links, string? qrCid)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{culture.Name}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head>");
        sb.Append("<body style=\"font-family:Arial,sans-serif;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px\">");
        sb.Append($"<h1 style=\"font-size:20px;color:#0b3d91\">{E(subject)}</h1>");
        foreach (var l in lines)
            sb.Append($"<p>{E(l)}</p>");
        sb.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:12px 0\">");
        foreach (var (label, value) in facts)
            sb.Append($"<tr><th scope=\"row\" style=\"text-align:left;padding:4px 12px 4px 0\">{E(label)}</th><td style=\"padding:4px 0\">{E(value)}</td></tr>");
        sb.Append("</table>");
        if (qrCid is not null)
            sb.Append($"<p><img src=\"cid:{qrCid}\" alt=\"{E(text["QrAlt"])}\" width=\"240\" height=\"240\"></p>");
        foreach (var (label, url) in links)
            sb.Append($"<p><a href=\"{E(url)}\" style=\"display:inline-block;background:#0b3d91;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">{E(label)}</a></p>");
        if (documents.Count > 0)
        {
            sb.Append($"<h2 style=\"font-size:16px\">{E(text["Label.Documents"])}</h2><ul>");
            foreach (var d in documents)
                sb.Append($"<li>{E(d)}</li>");
            sb.Append("</ul>");
        }
        sb.Append($"<p style=\"font-size:12px;color:#555\">{E(text["Footer"])}</p></body></html>");
        return sb.ToString();
    }

    /// <summary>Renders in the booking's language whatever the current request's language is.</summary>
    sealed class UiCulture : IDisposable
    {
        readonly CultureInfo previous = CultureInfo.CurrentUICulture;
        public UiCulture(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;
        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}

/// <summary>Marker for the email texts: MailText.resx (Greek) and MailText.en.resx.</summary>
public sealed class MailText;
