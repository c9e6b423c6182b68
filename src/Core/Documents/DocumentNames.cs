using System.Text;

namespace Rantevou.Core.Documents;

/// <summary>
/// The client's file name made safe to show and to offer as a download name. It never becomes a path:
/// files are stored under a random name (R12: a crafted name must not reach the file system).
/// </summary>
public static class DocumentNames
{
    public const int MaxLength = 120;

    static readonly char[] Forbidden = ['<', '>', ':', '"', '|', '?', '*', ';', '%'];

    /// <summary>The last path segment, without control or reserved characters, ending in the extension of the type we detected.</summary>
    public static string Display(string? clientName, DocumentKind kind)
    {
        var name = (clientName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || Array.IndexOf(Forbidden, c) >= 0 || c is '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
                continue;
            clean.Append(c);
        }
        var stem = clean.ToString().Trim().Trim('.', ' ');
        var dot = stem.LastIndexOf('.');
        // Whatever extension the client claimed, the name ends in the one of the type the bytes are.
        if (dot > 0)
            stem = stem[..dot].TrimEnd('.', ' ');
        if (stem.Length == 0)
            stem = "document";
        var extension = FileTypes.Extension(kind);
        if (stem.Length + extension.Length > MaxLength)
            stem = stem[..(MaxLength - extension.Length)];
        return stem + extension;
    }
}
