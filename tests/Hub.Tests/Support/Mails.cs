using System.Text.RegularExpressions;
using MimeKit;

namespace Rantevou.Hub.Tests.Support;

/// <summary>What a person's mail program would find in a message.</summary>
public static partial class Mails
{
    public static MimeMessage To(this IEnumerable<MimeMessage> mails, string address, string subjectStart) =>
        mails.Single(m => m.To.Mailboxes.Single().Address == address && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal));

    /// <summary>The Content-Language header; MimeKit files Content-* headers of the top level under the body.</summary>
    public static string? Language(this MimeMessage m) => m.Body?.Headers[HeaderId.ContentLanguage];

    public static IEnumerable<MimePart> Parts(this MimeMessage m) => m.BodyParts.OfType<MimePart>();

    public static byte[] Bytes(this MimePart part)
    {
        using var stream = new MemoryStream();
        (part.Content ?? throw new InvalidDataException("empty part")).DecodeTo(stream);
        return stream.ToArray();
    }

    public static MimePart InlinePng(this MimeMessage m) =>
        m.Parts().Single(p => p.ContentType.IsMimeType("image", "png") && !p.IsAttachment && p.ContentId is not null);

    public static MimePart AttachedPng(this MimeMessage m) =>
        m.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("image", "png"));

    public static MimePart Calendar(this MimeMessage m) =>
        m.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("text", "calendar"));

    /// <summary>The first http(s) link in the text body whose path contains <paramref name="pathPart"/>.</summary>
    public static Uri Link(this MimeMessage m, string pathPart) =>
        new(Urls().Matches(m.TextBody ?? "").Select(x => x.Value).First(u => new Uri(u).AbsolutePath.Contains(pathPart, StringComparison.Ordinal)));

    public static string Query(this Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)[name].ToString();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Urls();
}
