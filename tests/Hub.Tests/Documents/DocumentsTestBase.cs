using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>One app with a small document size limit, a booking to upload to, and helpers to post files and look at what was kept.</summary>
public abstract class DocumentsTestBase : IAsyncLifetime
{
    public const long MaxBytes = 100_000;

    protected RantevouApp App { get; } = new();
    protected HttpClient Http { get; private set; } = null!;
    protected BookingCreatedDto Booking { get; private set; } = null!;
    protected string DocumentsDir => Path.Combine(App.DataDir, "documents");

    public virtual async Task InitializeAsync()
    {
        App.Settings["Rantevou:Documents:MaxBytes"] = MaxBytes.ToString();
        Http = App.CreateClient();
        Booking = await BookAsync(0);
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A new booking at the n-th free slot of a service that lists required documents.</summary>
    protected async Task<BookingCreatedDto> BookAsync(int slot)
    {
        var service = (await Http.ServicesAsync()).First(s => s.Documents.Count > 0);
        var start = (await Http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2)))[slot].Start;
        return await Http.BookOkAsync(service.Id, start, email: $"person{slot}@example.org");
    }

    protected string Holder(string path = "", BookingCreatedDto? booking = null)
    {
        booking ??= Booking;
        return $"/api/bookings/{booking.Code}/documents{path}?token={Uri.EscapeDataString(booking.ManageToken)}";
    }

    protected string Staff(string path = "") => $"/api/staff/bookings/{Booking.Code}/documents{path}";

    protected static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    protected Task<HttpResponseMessage> UploadAsync(byte[] bytes, string fileName, string contentType = "application/pdf") =>
        Http.PostAsync(Holder(), Form(bytes, fileName, contentType));

    protected async Task<HttpClient> SignedInAsync(string email)
    {
        var login = await Http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo!2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected string[] StoredFiles() =>
        Directory.Exists(DocumentsDir) ? Directory.GetFiles(DocumentsDir, "*", SearchOption.AllDirectories) : [];

    protected Task<int> RowsAsync() => App.WithDbAsync(db => db.BookingDocuments.CountAsync());

    /// <summary>A refusal is a ProblemDetails with a stable code, and leaves no file and no row behind (R12).</summary>
    protected async Task AssertRefusedAsync(HttpResponseMessage response, int status, string code)
    {
        Assert.True(status == (int)response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Empty(StoredFiles());
        Assert.Equal(0, await RowsAsync());
    }
}
