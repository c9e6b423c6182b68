using Microsoft.AspNetCore.Mvc.Testing;
using Rantevou.Contracts.Booking;

namespace Rantevou.Hub.Tests.Support;

/// <summary>
/// One server shared by a class of read-mostly tests (bad input changes nothing), with one booking
/// to aim tokens at. Mail goes to .eml files: these tests never send it.
/// </summary>
public sealed class SharedApp : IAsyncLifetime
{
    public RantevouApp App { get; } = new();
    public HttpClient Http { get; private set; } = null!;
    public ServiceDto Service { get; private set; } = null!;
    public BookingCreatedDto Booking { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Http = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        Service = (await Http.ServicesAsync()).First();
        var start = (await Http.AvailabilityAsync(Service.Id, AppTest.Wednesday)).Last().Start;
        Booking = await Http.BookOkAsync(Service.Id, start, "holder@example.org");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
