using System.Buffers.Binary;
using System.Text;

namespace Rantevou.Core.Documents;

public enum DocumentKind
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>Why a file's contents were refused after its type was recognised.</summary>
public enum ContentVerdict
{
    Ok,
    /// <summary>Not a well-formed file of its type (truncated PDF, image without dimensions).</summary>
    Damaged,
    /// <summary>An image declaring more pixels than anyone needs: a decompression bomb for whoever opens it.</summary>
    TooManyPixels,
}

/// <summary>
/// R10/R12: the type of an upload is what its first bytes say, never its extension or the client's content type,
/// so an executable, an archive or a script renamed ".pdf" is refused. Only PDF, JPEG and PNG are accepted.
/// </summary>
public static class FileTypes
{
    static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>How many leading bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadBytes = 8;

    const int PdfTailBytes = 1024;

    public static DocumentKind? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(PdfMagic) ? DocumentKind.Pdf
        : head.StartsWith(JpegMagic) ? DocumentKind.Jpeg
        : head.StartsWith(PngMagic) ? DocumentKind.Png
        : null;

    public static string ContentType(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    public static string Extension(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => ".pdf",
        DocumentKind.Jpeg => ".jpg",
        _ => ".png",
    };

    /// <summary>Cheap structural checks on a whole file already sniffed as <paramref name="kind"/>; the stream must be seekable.</summary>
    public static ContentVerdict Inspect(Stream file, DocumentKind kind, long maxPixels) => kind switch
    {
        DocumentKind.Pdf => PdfEnds(file) ? ContentVerdict.Ok : ContentVerdict.Damaged,
        DocumentKind.Png => Judge(PngSize(file), maxPixels),
        _ => Judge(JpegSize(file), maxPixels),
    };

    static ContentVerdict Judge((long Width, long Height)? size, long maxPixels) =>
        size is not { } s || s.Width == 0 || s.Height == 0 ? ContentVerdict.Damaged
        : s.Width * s.Height > maxPixels ? ContentVerdict.TooManyPixels
        : ContentVerdict.Ok;

    /// <summary>A PDF ends with %%EOF (perhaps followed by a line end); a truncated or padded one does not.</summary>
    static bool PdfEnds(Stream file)
    {
        var length = Math.Min(PdfTailBytes, file.Length);
        file.Seek(-length, SeekOrigin.End);
        var tail = new byte[length];
        file.ReadExactly(tail);
        return Encoding.ASCII.GetString(tail).Contains("%%EOF", StringComparison.Ordinal);
    }

    /// <summary>Width and height from the IHDR chunk, which the PNG format requires to come first.</summary>
    static (long, long)? PngSize(Stream file)
    {
        Span<byte> head = stackalloc byte[24];
        file.Seek(0, SeekOrigin.Begin);
        if (file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length || !head[12..16].SequenceEqual("IHDR"u8))
            return null;
        return (BinaryPrimitives.ReadUInt32BigEndian(head[16..20]), BinaryPrimitives.ReadUInt32BigEndian(head[20..24]));
    }

    /// <summary>Width and height from the first start-of-frame segment, walking the segments before it.</summary>
    static (long, long)? JpegSize(Stream file)
    {
        file.Seek(2, SeekOrigin.Begin);
        Span<byte> b = stackalloc byte[7];
        while (true)
        {
            var marker = file.ReadByte();
            if (marker != 0xFF)
                return null;
            int code;
            do
                code = file.ReadByte();
            while (code == 0xFF);
            if (code < 0 || code is 0xD9 or 0xDA)
                return null; // end of image or start of scan before any frame header
            if (code is 0x01 or (>= 0xD0 and <= 0xD7))
                continue; // markers without a length
            if (file.ReadAtLeast(b[..2], 2, throwOnEndOfStream: false) < 2)
                return null;
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[..2]);
            if (length < 2)
                return null;
            if (code is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                if (length < 7 || file.ReadAtLeast(b[2..7], 5, throwOnEndOfStream: false) < 5)
                    return null;
                return (BinaryPrimitives.ReadUInt16BigEndian(b[5..7]), BinaryPrimitives.ReadUInt16BigEndian(b[3..5]));
            }
            file.Seek(length - 2, SeekOrigin.Current);
            if (file.Position > file.Length)
                return null;
        }
    }
}
