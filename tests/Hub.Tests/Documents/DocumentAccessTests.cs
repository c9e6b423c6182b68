using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Documents;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>R10: files sent with a booking are kept and readable by its holder and by staff, and by nobody else.</summary>
public sealed class DocumentAccessTests : DocumentsTestBase
{
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "pdf", "application/pdf", "άδεια οδήγησης.pdf" },
        { "jpeg", "image/jpeg", "photo.jpeg" },
        { "png", "image/png", "scan.png" },
    };

    static byte[] Sample(string kind) => kind switch
    {
        "pdf" => SampleFiles.Pdf(),
        "jpeg" => SampleFiles.Jpeg(),
        _ => SampleFiles.Png(),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Upload_AcceptedType_IsCreated_AndDownloadableByHolderAndClerk(string kind, string contentType, string fileName)
    {
        var bytes = Sample(kind);
        // The client's content type is ignored: the bytes decide.
        var response = await UploadAsync(bytes, fileName, "application/octet-stream");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<DocumentDto>())!;
        Assert.Equal(contentType, created.ContentType);
        Assert.Equal(bytes.Length, created.Size);

        var byHolder = await Http.GetAsync(Holder($"/{created.Id}"));
        await AssertIsTheFileAsync(byHolder, bytes, contentType);
        var clerk = await SignedInAsync("clerk1@example.org");
        await AssertIsTheFileAsync(await clerk.GetAsync(Staff($"/{created.Id}")), bytes, contentType);

        var stored = Assert.Single(StoredFiles());
        Assert.StartsWith(Path.Combine(DocumentsDir, (await BookingIdAsync()).ToString("N")) + Path.DirectorySeparatorChar, stored);
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(fileName), stored);
    }

    [Fact]
    public async Task List_ShowsTheHoldersFiles_ToHolderAndStaff_WithTheRequiredDocumentTheyAnswer()
    {
        var documentId = await App.WithDbAsync(async db =>
        {
            var serviceId = await db.Bookings.Where(b => b.Code == Booking.Code).Select(b => b.ServiceId).SingleAsync();
            return await db.ServiceDocuments.Where(d => d.ServiceId == serviceId).Select(d => d.Id).FirstAsync();
        });
        // The id field first, as an HTML form sends it when it comes before the file input.
        var ordered = new MultipartFormDataContent
        {
            { new StringContent(documentId.ToString()), "documentId" },
            { new ByteArrayContent(SampleFiles.Pdf()), "file", "id.pdf" },
        };
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsync(Holder(), ordered)).StatusCode);
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(SampleFiles.Png(), "extra.png")).StatusCode);

        var mine = (await Http.GetFromJsonAsync<List<DocumentDto>>(Holder()))!;
        Assert.Equal(["id.pdf", "extra.png"], mine.Select(d => d.Name));
        Assert.Equal(documentId, mine[0].DocumentId);
        Assert.Null(mine[1].DocumentId);

        var clerk = await SignedInAsync("admin@example.org");
        var staffView = (await clerk.GetFromJsonAsync<List<DocumentDto>>(Staff()))!;
        Assert.Equal(mine.Select(d => d.Id), staffView.Select(d => d.Id));
    }

    [Fact]
    public async Task Clerk_MayUploadForThePerson_AndTheHolderSeesIt()
    {
        var clerk = await SignedInAsync("clerk1@example.org");
        var response = await clerk.PostAsync(Staff(), Form(SampleFiles.Jpeg(), "scanned at desk.jpg"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var uploadedBy = await App.WithDbAsync(db => db.BookingDocuments.Select(d => d.UploadedBy).SingleAsync());
        Assert.NotEqual("holder", uploadedBy);
        Assert.Single((await Http.GetFromJsonAsync<List<DocumentDto>>(Holder()))!);
    }

    [Fact]
    public async Task WrongToken_Anonymous_Agent_AndAnotherBookingsToken_AllGet404()
    {
        var created = (await (await UploadAsync(SampleFiles.Pdf(), "a.pdf")).Content.ReadFromJsonAsync<DocumentDto>())!;
        var other = await BookAsync(1);
        var agent = await SignedInAsync("agent@example.org");
        var code = Booking.Code;

        string[] urls =
        [
            $"/api/bookings/{code}/documents/{created.Id}?token=wrong",
            $"/api/bookings/{code}/documents/{created.Id}",
            $"/api/bookings/{code}/documents?token=wrong",
            $"/api/bookings/{code}/documents/{created.Id}?token={Uri.EscapeDataString(other.ManageToken)}",
            // The other booking's own token does not reach this booking's file through the other booking either.
            $"/api/bookings/{other.Code}/documents/{created.Id}?token={Uri.EscapeDataString(other.ManageToken)}",
        ];
        foreach (var url in urls)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync(url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Http.PostAsync($"/api/bookings/{code}/documents?token=wrong", Form(SampleFiles.Pdf(), "b.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Http.GetAsync(Staff($"/{created.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync(Staff($"/{created.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsync(Staff(), Form(SampleFiles.Pdf(), "c.pdf"))).StatusCode);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task Staff_UnknownBookingOrDocument_Is404()
    {
        var clerk = await SignedInAsync("clerk1@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/api/staff/bookings/NOPE1234/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(Staff($"/{Guid.NewGuid()}"))).StatusCode);
    }

    Task<Guid> BookingIdAsync() => App.WithDbAsync(db => db.Bookings.Where(b => b.Code == Booking.Code).Select(b => b.Id).SingleAsync());

    static async Task AssertIsTheFileAsync(HttpResponseMessage response, byte[] bytes, string contentType)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }
}
