using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Rantevou.Core.Documents;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Documents;

/// <summary>
/// Reads a multipart/form-data upload as a stream, section by section, so the file goes straight to
/// <see cref="DocumentService"/> and is never buffered whole in memory or in an unchecked temp file (R12).
/// Fields: <c>documentId</c> (optional, before the file) and <c>file</c>.
/// </summary>
static class MultipartUpload
{
    const int MaxSections = 8;
    const int MaxFieldChars = 32;

    public static async Task<Outcome<BookingDocument>> ReceiveAsync(
        HttpRequest request, BookingEntity booking, int? documentId, string uploadedBy, DocumentService documents, CancellationToken ct)
    {
        var limits = request.HttpContext.RequestServices.GetRequiredService<IOptions<DocumentOptions>>().Value;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(media.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
            return new Problem(ProblemKind.UnsupportedMediaType, MessageKeys.UnsupportedMediaType);
        if (request.ContentLength > limits.MaxRequestBytes)
            return new Problem(ProblemKind.TooLarge, MessageKeys.DocumentTooLarge);
        // Kestrel stops the body at this size whatever the client sends; the store counts the file's own bytes too.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } max)
            max.MaxRequestBodySize = limits.MaxRequestBytes;

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limits.MaxRequestBytes + 256 * 1024 };
        try
        {
            for (var i = 0; i < MaxSections && await reader.ReadNextSectionAsync(ct) is { } section; i++)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                    continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (name == "file")
                {
                    var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    return await documents.UploadAsync(booking, new Upload(section.Body, fileName, documentId, uploadedBy), ct);
                }
                if (name == "documentId")
                {
                    var value = await ReadFieldAsync(section.Body, ct);
                    if (string.IsNullOrWhiteSpace(value))
                        continue;
                    if (!int.TryParse(value, out var id))
                        return Problem.Invalid(new Dictionary<string, string[]> { ["documentId"] = [MessageKeys.DocumentUnknown] });
                    documentId = id;
                }
            }
        }
        catch (InvalidDataException)
        {
            return Problem.Invalid(new Dictionary<string, string[]> { ["file"] = [MessageKeys.MalformedRequest] });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new Problem(ProblemKind.TooLarge, MessageKeys.DocumentTooLarge);
        }
        return Problem.Invalid(new Dictionary<string, string[]> { ["file"] = [MessageKeys.DocumentRequired] });
    }

    /// <summary>A short text field; anything longer than a document id is not one.</summary>
    static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = new char[MaxFieldChars + 1];
        using var text = new StreamReader(body, leaveOpen: true);
        var read = await text.ReadBlockAsync(buffer, ct);
        return read > MaxFieldChars ? "invalid" : new string(buffer, 0, read).Trim();
    }
}
