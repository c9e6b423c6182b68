using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Rantevou.Contracts.Documents;
using Rantevou.Core.Accounts;
using Rantevou.Core.Booking;
using Rantevou.Core.Documents;
using Rantevou.Core.Localization;
using Rantevou.Core.Outcomes;
using Rantevou.Hub.Accounts;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Hub.Documents;

/// <summary>
/// R10: documents sent electronically with a booking. The holder acts with the manage token; staff (clerks, admins)
/// use the <c>/api/staff</c> routes with their sign-in, for their own office's bookings only. Anyone else gets 404, so a booking's files cannot be probed.
/// An agent's bookings record the agent, but agents have no route here: they send documents with the manage link, as any holder.
/// </summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        // No antiforgery: the manage token in the URL is not ambient, and staff cookies are SameSite=Lax.
        var holder = app.MapGroup("/api/bookings/{code}/documents").WithTags("Documents").DisableAntiforgery();
        holder.MapPost("/", UploadAsync).WithName("UploadDocument").RequireRateLimiting(RateLimits.Booking);
        holder.MapGet("/", ListAsync).WithName("ListDocuments");
        holder.MapGet("/{id:guid}", DownloadAsync).WithName("DownloadDocument");
        holder.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveDocument");

        var staff = app.MapGroup("/api/staff/bookings/{code}/documents").WithTags("Documents")
            .RequireAuthorization(Policies.Staff).RequireOwnBooking().DisableAntiforgery();
        staff.MapPost("/", StaffUploadAsync).WithName("StaffUploadDocument").RequireRateLimiting(RateLimits.Booking)
            .Audited("booking.document.upload");
        staff.MapGet("/", StaffListAsync).WithName("StaffListDocuments");
        staff.MapGet("/{id:guid}", StaffDownloadAsync).WithName("StaffDownloadDocument");
        return app;
    }

    /// <summary>Upload requests get the documents' size limit instead of the small JSON one (<see cref="RequestLimits"/>).</summary>
    internal static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.StartsWithSegments("/api/bookings") || request.Path.StartsWithSegments("/api/staff/bookings"))
        && request.Path.Value is { } path && path.TrimEnd('/').EndsWith("/documents", StringComparison.Ordinal);

    static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> UploadAsync(
        string code, string? token, int? documentId, HttpRequest request, BookingService bookings, DocumentService documents, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        return found.Ok
            ? await ReceiveAsync(found.Value, request, documentId, BookingDocument.Holder, documents, ct)
            : Problems.From(found.Problem);
    }

    static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> StaffUploadAsync(
        string code, int? documentId, HttpRequest request, ClaimsPrincipal user, DocumentService documents, CancellationToken ct)
    {
        var booking = await documents.FindBookingAsync(code, ct);
        var by = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return booking is not null && by is not null
            ? await ReceiveAsync(booking, request, documentId, by, documents, ct)
            : Problems.From(Problem.NotFound());
    }

    static async Task<Results<Created<DocumentDto>, ProblemHttpResult>> ReceiveAsync(
        BookingEntity booking, HttpRequest request, int? documentId, string by, DocumentService documents, CancellationToken ct)
    {
        var outcome = await MultipartUpload.ReceiveAsync(request, booking, documentId, by, documents, ct);
        return outcome.Ok
            ? TypedResults.Created($"/api/bookings/{booking.Code}/documents/{outcome.Value.Id}", ToDto(outcome.Value))
            : Problems.From(outcome.Problem);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        string code, Guid id, string? token, BookingService bookings, DocumentService documents, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        if (!found.Ok)
            return Problems.From(found.Problem);
        return await documents.RemoveAsync(found.Value, id, ct) is { } problem ? Problems.From(problem) : TypedResults.NoContent();
    }

    static async Task<Results<Ok<List<DocumentDto>>, ProblemHttpResult>> ListAsync(
        string code, string? token, BookingService bookings, DocumentService documents, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        return found.Ok ? TypedResults.Ok(await ListOfAsync(found.Value, documents, ct)) : Problems.From(found.Problem);
    }

    static async Task<Results<Ok<List<DocumentDto>>, ProblemHttpResult>> StaffListAsync(
        string code, DocumentService documents, CancellationToken ct) =>
        await documents.FindBookingAsync(code, ct) is { } booking
            ? TypedResults.Ok(await ListOfAsync(booking, documents, ct))
            : Problems.From(Problem.NotFound());

    static async Task<List<DocumentDto>> ListOfAsync(BookingEntity booking, DocumentService documents, CancellationToken ct) =>
        (await documents.ListAsync(booking.Id, ct)).Select(ToDto).ToList();

    static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        string code, Guid id, string? token, HttpResponse response, BookingService bookings, DocumentService documents, CancellationToken ct)
    {
        var found = await bookings.GetAsync(code, token, ct);
        return found.Ok ? await SendAsync(found.Value, id, response, documents, ct) : Problems.From(found.Problem);
    }

    static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> StaffDownloadAsync(
        string code, Guid id, HttpResponse response, DocumentService documents, CancellationToken ct) =>
        await documents.FindBookingAsync(code, ct) is { } booking
            ? await SendAsync(booking, id, response, documents, ct)
            : Problems.From(Problem.NotFound());

    /// <summary>Always an attachment with the type we decided, never rendered in our origin: an uploaded file is untrusted (R12).</summary>
    static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> SendAsync(
        BookingEntity booking, Guid id, HttpResponse response, DocumentService documents, CancellationToken ct)
    {
        if (await documents.OpenAsync(booking.Id, id, ct) is not { } opened)
            return Problems.From(Problem.NotFound(MessageKeys.NotFoundGeneric));
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(opened.Content, opened.Document.ContentType, opened.Document.FileName);
    }

    static DocumentDto ToDto(BookingDocument d) =>
        new(d.Id, d.FileName, d.ContentType, d.Size, d.ServiceDocumentId, new DateTimeOffset(d.UploadedUtc, TimeSpan.Zero));
}
