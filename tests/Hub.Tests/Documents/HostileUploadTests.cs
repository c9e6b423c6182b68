using System.Net;
using System.Net.Http.Json;
using System.Text;
using Rantevou.Contracts.Documents;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>R12: uploads built to hurt are refused with a ProblemDetails, and nothing reaches the disk or the database.</summary>
public sealed class HostileUploadTests : DocumentsTestBase
{
    [Fact]
    public async Task JustOverTheSizeLimit_Is413_WhileExactlyTheLimitIsAccepted()
    {
        await AssertRefusedAsync(await UploadAsync(SampleFiles.Pdf(padTo: (int)MaxBytes + 1), "big.pdf"), 413, "DocumentTooLarge");
        var exact = await UploadAsync(SampleFiles.Pdf(padTo: (int)MaxBytes), "exact.pdf");
        Assert.Equal(HttpStatusCode.Created, exact.StatusCode);
        Assert.Equal(MaxBytes, (await exact.Content.ReadFromJsonAsync<DocumentDto>())!.Size);
    }

    [Fact]
    public async Task HugeChunkedBody_WithoutContentLength_IsCutOffAt413()
    {
        var body = new EndlessPdfStream(totalBytes: 50L * 1024 * 1024);
        var file = new StreamContent(body);
        var form = new MultipartFormDataContent { { file, "file", "endless.pdf" } };
        var request = new HttpRequestMessage(HttpMethod.Post, Holder()) { Content = form };
        request.Headers.TransferEncodingChunked = true;
        var response = await Http.SendAsync(request);
        // DocumentTooLarge, not the middleware's BodyTooLarge: with no length declared, counting the bytes is what stopped it.
        // (The test server drains the rest of the client's body itself, so what the client sent proves nothing here.)
        await AssertRefusedAsync(response, 413, "DocumentTooLarge");
    }

    [Fact]
    public async Task DeclaredContentLengthOverTheRequestLimit_Is413BeforeReading() =>
        await AssertRefusedAsync(await UploadAsync(SampleFiles.Pdf(padTo: (int)MaxBytes + 100_000), "big.pdf"), 413, "BodyTooLarge");

    public static TheoryData<string, byte[]> NotDocuments => new()
    {
        { "windows executable renamed .pdf", SampleFiles.WindowsExe() },
        { "linux executable renamed .pdf", SampleFiles.LinuxElf() },
        { "zip bomb renamed .pdf", SampleFiles.ZipBomb() },
        { "html page renamed .pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") },
    };

    [Theory]
    [MemberData(nameof(NotDocuments))]
    public async Task NotAPdfJpegOrPng_Is415_WhateverTheNameAndContentTypeSay(string what, byte[] bytes)
    {
        Assert.NotEmpty(what);
        await AssertRefusedAsync(await UploadAsync(bytes, "document.pdf", "application/pdf"), 415, "DocumentTypeNotAllowed");
    }

    [Fact]
    public async Task Zip_UnderItsOwnName_Is415() =>
        await AssertRefusedAsync(await UploadAsync(SampleFiles.ZipBomb(), "scans.zip", "application/zip"), 415, "DocumentTypeNotAllowed");

    [Fact]
    public async Task PathInTheFileName_WithNonDocumentContent_Is415() =>
        await AssertRefusedAsync(await UploadAsync(Encoding.ASCII.GetBytes("root:x:0:0:root:/root:/bin/bash\n"), "../../etc/passwd"), 415, "DocumentTypeNotAllowed");

    [Theory]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("/etc/passwd", "passwd.pdf")]
    [InlineData("C:\\Windows\\System32\\evil.exe", "evil.pdf")]
    [InlineData("..", "document.pdf")]
    public async Task PathInTheFileName_OfARealPdf_IsStoredUnderARandomName_AndShownWithoutThePath(string clientName, string shown)
    {
        var response = await UploadAsync(SampleFiles.Pdf(), clientName);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(shown, (await response.Content.ReadFromJsonAsync<DocumentDto>())!.Name);
        var stored = Assert.Single(StoredFiles());
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", Path.GetFileName(stored));
        Assert.False(File.Exists(Path.Combine(App.DataDir, "passwd")));
    }

    [Fact]
    public async Task EmptyFile_Is400() =>
        await AssertRefusedAsync(await UploadAsync([], "empty.pdf"), 400, "Invalid");

    [Fact]
    public async Task PngDeclaring50000x50000_IsRefusedAsADecompressionBomb() =>
        await AssertRefusedAsync(await UploadAsync(SampleFiles.PngDeclaring(50_000, 50_000), "bomb.png", "image/png"), 422, "DocumentTooManyPixels");

    [Fact]
    public async Task PdfWithoutEndOfFileMarker_Is422()
    {
        var truncated = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< >>\nendobj\n" + new string('x', 2000));
        await AssertRefusedAsync(await UploadAsync(truncated, "cut.pdf"), 422, "DocumentDamaged");
    }

    [Fact]
    public async Task NotMultipart_Is415()
    {
        var json = await Http.PostAsJsonAsync(Holder(), new { file = Convert.ToBase64String(SampleFiles.Pdf()) });
        await AssertRefusedAsync(json, 415, "UnsupportedMediaType");
        var raw = await Http.PostAsync(Holder(), new ByteArrayContent(SampleFiles.Pdf()) { Headers = { ContentType = new("application/pdf") } });
        await AssertRefusedAsync(raw, 415, "UnsupportedMediaType");
    }

    [Fact]
    public async Task MultipartWithoutAFile_Is400()
    {
        var form = new MultipartFormDataContent { { new StringContent("1"), "documentId" } };
        await AssertRefusedAsync(await Http.PostAsync(Holder(), form), 400, "Invalid");
    }

    [Fact]
    public async Task TheEleventhUpload_IsOverTheCountLimit_409()
    {
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(SampleFiles.Png(), $"page{i}.png")).StatusCode);
        var eleventh = await UploadAsync(SampleFiles.Png(), "page10.png");
        Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
        Assert.Equal("TooManyDocuments", (await eleventh.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(10, StoredFiles().Length);
        Assert.Equal(10, await RowsAsync());
    }

    [Fact]
    public async Task UploadToACancelledBooking_Is409()
    {
        var cancel = await Http.PostAsync($"/api/bookings/{Booking.Code}/cancel?token={Uri.EscapeDataString(Booking.ManageToken)}", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        await AssertRefusedAsync(await UploadAsync(SampleFiles.Pdf(), "late.pdf"), 409, "DocumentsClosed");
    }

    [Fact]
    public async Task DocumentIdOfAnotherService_Is400() =>
        await AssertRefusedAsync(await Http.PostAsync(Holder() + "&documentId=999999", Form(SampleFiles.Pdf(), "x.pdf")), 400, "Invalid");

    [Fact]
    public async Task Refusals_AreInTheRequestsLanguage()
    {
        var english = await Http.PostAsync(Holder() + "&culture=en", Form(SampleFiles.WindowsExe(), "x.pdf"));
        var greek = await Http.PostAsync(Holder() + "&culture=el", Form(SampleFiles.WindowsExe(), "x.pdf"));
        Assert.StartsWith("Only PDF, JPEG and PNG", (await english.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
        Assert.StartsWith("Γίνονται δεκτά μόνο", (await greek.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
    }

    /// <summary>A PDF header followed by filler, produced as it is read, counting what the server pulled.</summary>
    sealed class EndlessPdfStream(long totalBytes) : Stream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, totalBytes - Served);
            var header = "%PDF-1.4\n"u8;
            for (var i = 0; i < n; i++)
                buffer[offset + i] = Served + i < header.Length ? header[(int)(Served + i)] : (byte)'%';
            Served += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
