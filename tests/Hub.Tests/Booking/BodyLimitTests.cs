using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Booking;
using Rantevou.Core.Localization;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// The 64 KB API body limit over real Kestrel: the in-memory test server does not enforce the limit
/// while a body without Content-Length is read, Kestrel does, and that is what production runs.
/// </summary>
public sealed class BodyLimitTests : IAsyncLifetime
{
    readonly RantevouApp app = new();
    HttpClient http = null!;

    public Task InitializeAsync()
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        http = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri(address) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose(); // closes the kept-alive connections, so Kestrel stops at once
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData(true, "el")]
    [InlineData(false, "el")]
    [InlineData(false, "en-query")]
    public async Task BodyOver64KB_WithOrWithoutContentLength_Is413Problem(bool withLength, string language)
    {
        var service = (await http.ServicesAsync()).First();
        var json = JsonContent.Create(new CreateBookingRequest(service.Id, "2026-12-02T10:00:00+02:00", new string('α', 40_000), "maria@example.org", "6941234567"));
        var bytes = await json.ReadAsByteArrayAsync();
        HttpContent body = withLength ? new ByteArrayContent(bytes) : new NoLength(bytes);
        body.Headers.ContentType = json.Headers.ContentType;

        var response = await http.SendAsync(ProblemAssert.Request(language, HttpMethod.Post, "/api/bookings", body));

        await ProblemAssert.IsAsync(response, HttpStatusCode.RequestEntityTooLarge, MessageKeys.BodyTooLarge, language);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Bookings.Count())));
    }

    /// <summary>A body sent chunked: its length is not known up front.</summary>
    sealed class NoLength(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
