using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>R10 on the booking's own page: a plain multipart form (no JavaScript) with antiforgery, and the list of sent files.</summary>
public sealed partial class DocumentPageTests : DocumentsTestBase
{
    string Page => $"/b/{Booking.Code}?token={Uri.EscapeDataString(Booking.ManageToken)}";

    [Fact]
    public async Task UploadForm_SendsTheFile_AndThePageListsIt_WithADownloadLink()
    {
        var (action, form) = await UploadFormAsync();
        form.Add(new ByteArrayContent(SampleFiles.Pdf()), "file", "άδεια.pdf");
        var posted = await Http.PostAsync(action, form);

        // Post, redirect, get: the client follows the redirect to the page with the outcome.
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("done=uploaded", posted.RequestMessage!.RequestUri!.Query);
        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains("άδεια.pdf", page);
        var id = await App.WithDbAsync(db => db.BookingDocuments.Select(d => d.Id).SingleAsync());
        Assert.Contains($"/api/bookings/{Booking.Code}/documents/{id}?token=", page);
        Assert.Single(StoredFiles());
    }

    [Fact]
    public async Task UploadForm_WithAnExecutable_ShowsTheReason_AndKeepsNothing()
    {
        var (action, form) = await UploadFormAsync();
        form.Add(new ByteArrayContent(SampleFiles.WindowsExe()), "file", "scan.pdf");
        var posted = await Http.PostAsync(action + "&culture=en", form);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Only PDF, JPEG and PNG files are accepted.", await posted.Content.ReadAsStringAsync());
        Assert.Empty(StoredFiles());
        Assert.Equal(0, await RowsAsync());
    }

    [Fact]
    public async Task UploadForm_JustOverTheSizeLimit_ShowsTheReason()
    {
        var (action, form) = await UploadFormAsync();
        form.Add(new ByteArrayContent(SampleFiles.Pdf(padTo: (int)MaxBytes + 1)), "file", "big.pdf");
        var posted = await Http.PostAsync(action + "&culture=en", form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("The file is too large.", await posted.Content.ReadAsStringAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task UploadForm_FarOverTheSizeLimit_IsRefusedBeforeTheFormIsRead_WithTheReasonOnThePage()
    {
        var (action, form) = await UploadFormAsync();
        form.Add(new ByteArrayContent(SampleFiles.Pdf(padTo: (int)MaxBytes * 3)), "file", "huge.pdf");
        var posted = await Http.PostAsync(action + "&culture=en", form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("upload=too-large", posted.RequestMessage!.RequestUri!.Query);
        Assert.Contains("The file is too large.", await posted.Content.ReadAsStringAsync());
        Assert.Empty(StoredFiles());
        Assert.Equal(0, await RowsAsync());
    }

    [Fact]
    public async Task UploadForm_WithoutTheAntiforgeryToken_IsRefused()
    {
        var (action, _) = await UploadFormAsync();
        var forged = new MultipartFormDataContent { { new ByteArrayContent(SampleFiles.Pdf()), "file", "a.pdf" } };
        var posted = await Http.PostAsync(action, forged);
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task UploadForm_WithAWrongToken_IsNotFound()
    {
        var (action, form) = await UploadFormAsync();
        form.Add(new ByteArrayContent(SampleFiles.Pdf()), "file", "a.pdf");
        var posted = await Http.PostAsync(action.Replace(Uri.EscapeDataString(Booking.ManageToken), "wrong"), form);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task CancelledBooking_HasNoUploadForm()
    {
        await Http.PostAsync($"/api/bookings/{Booking.Code}/cancel?token={Uri.EscapeDataString(Booking.ManageToken)}", null);
        Assert.DoesNotContain("enctype=\"multipart/form-data\"", await Http.GetStringAsync(Page));
    }

    /// <summary>The form's action and its hidden antiforgery field, as a browser would send them (the cookie rides in the client).</summary>
    async Task<(string Action, MultipartFormDataContent Form)> UploadFormAsync()
    {
        var html = await Http.GetStringAsync(Page);
        var form = FormPattern().Match(html);
        Assert.True(form.Success, "no upload form on the page");
        var action = WebUtility.HtmlDecode(form.Groups["action"].Value);
        var token = TokenPattern().Match(form.Value).Groups["token"].Value;
        return (action, new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } });
    }

    [GeneratedRegex("<form method=\"post\" enctype=\"multipart/form-data\" action=\"(?<action>[^\"]+)\"[\\s\\S]*?</form>")]
    private static partial Regex FormPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenPattern();
}
