using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Documents;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>
/// R10: a person who sent the wrong file takes it back, from the API or the booking's page, while the booking can still be
/// served; a file the staff attached stays, and after the booking ends nothing is removed.
/// </summary>
public sealed class DocumentRemovalTests : DocumentsTestBase
{
    [Fact]
    public async Task TheHolder_RemovesTheirOwnFile_TheRowAndTheFileGo_AndTheStaffsFileStays()
    {
        var mine = (await (await UploadAsync(SampleFiles.Pdf(), "wrong.pdf")).Content.ReadFromJsonAsync<DocumentDto>())!;
        var clerk = await SignedInAsync("clerk1@example.org");
        var staffs = (await (await clerk.PostAsync(Staff(), Form(SampleFiles.Png(), "scan.png", "image/png"))).Content.ReadFromJsonAsync<DocumentDto>())!;
        Assert.Equal(2, StoredFiles().Length);

        Assert.Equal(HttpStatusCode.NoContent, (await Http.DeleteAsync(Holder($"/{mine.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync(Holder($"/{mine.Id}"))).StatusCode);
        var theirs = await Http.DeleteAsync(Holder($"/{staffs.Id}"));

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal("DocumentNotFound", (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal([staffs.Id], await App.WithDbAsync(db => db.BookingDocuments.Select(d => d.Id).ToListAsync()));
        Assert.Single(StoredFiles());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.DeleteAsync($"/api/bookings/{Booking.Code}/documents/{staffs.Id}?token=wrong")).StatusCode);
    }

    [Fact]
    public async Task AfterTheBookingEnded_NothingIsRemoved()
    {
        var mine = (await (await UploadAsync(SampleFiles.Pdf(), "id.pdf")).Content.ReadFromJsonAsync<DocumentDto>())!;
        await Http.PostAsync($"/api/bookings/{Booking.Code}/cancel?token={Uri.EscapeDataString(Booking.ManageToken)}", null);

        var refused = await Http.DeleteAsync(Holder($"/{mine.Id}"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, await RowsAsync());
    }

    [Fact]
    public async Task OnTheBookingsPage_EachOwnFileHasARemoveButton_ThatRemovesIt()
    {
        await UploadAsync(SampleFiles.Pdf(), "wrong.pdf");
        var page = $"/b/{Booking.Code}?token={Uri.EscapeDataString(Booking.ManageToken)}";
        var html = await Http.GetStringAsync(page);
        var id = await App.WithDbAsync(db => db.BookingDocuments.Select(d => d.Id).SingleAsync());
        Assert.Contains("Αφαίρεση<span class=\"visually-hidden\"> wrong.pdf</span>", html, StringComparison.Ordinal);

        var removed = await PageForms.SubmitAsync(Http, page, $"value=\"{id}\"", _ => { }, html: html);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("Το αρχείο αφαιρέθηκε.", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task APostNamingAHandlerThePageDoesNotHave_IsNotFound_Not500()
    {
        var page = $"/b/{Booking.Code}?token={Uri.EscapeDataString(Booking.ManageToken)}";

        var posted = await PageForms.PostFormAsync(Http, page + "&handler=nonsense", new());

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
    }
}
