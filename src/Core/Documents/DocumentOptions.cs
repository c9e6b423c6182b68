using System.ComponentModel.DataAnnotations;

namespace Rantevou.Core.Documents;

/// <summary>R10/R12: limits on files sent with a booking (section Rantevou:Documents), defaults in code.</summary>
public sealed class DocumentOptions
{
    public const string Section = "Rantevou:Documents";

    /// <summary>Largest file accepted, in bytes; a scanned photocopy fits easily in 5 MB.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Files per booking: enough for every required document and a spare page or two, not a free file host (R12).</summary>
    [Range(1, 100)]
    public int MaxPerBooking { get; set; } = 10;

    /// <summary>Decompression-bomb guard: an image declaring more pixels than this is refused unread.</summary>
    [Range(1, 1000)]
    public int MaxMegapixels { get; set; } = 100;

    /// <summary>Room for the multipart envelope (boundaries, headers, a document id) around one file.</summary>
    public const long EnvelopeBytes = 64 * 1024;

    public long MaxRequestBytes => MaxBytes + EnvelopeBytes;
}
