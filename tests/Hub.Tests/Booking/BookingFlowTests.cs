using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Booking;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Booking;

public sealed class BookingFlowTests : IAsyncLifetime
{
    SmtpTestServer smtp = null!;
    RantevouApp app = null!;

    public Task InitializeAsync()
    {
        smtp = SmtpTestServer.Start();
        app = new RantevouApp { Smtp = smtp };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Book_ThenConfirm_SendsConfirmationMailOverSmtp()
    {
        var http = app.CreateClient();
        var service = (await http.ServicesAsync()).First();
        var slot = (await http.AvailabilityAsync(service.Id, new DateOnly(2026, 12, 2))).First();

        var created = await http.BookOkAsync(service.Id, slot.Start);
        Assert.Equal("Pending", created.Status);
        Assert.Equal(1, await app.DispatchMailAsync());

        var confirm = await http.PostAsync($"/api/bookings/{created.Code}/confirm?token={app.Tokens.Confirm(await IdOf(created.Code))}", null);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal("Confirmed", (await confirm.Content.ReadFromJsonAsync<BookingDto>())!.Status);
        Assert.Equal(1, await app.DispatchMailAsync());

        var mails = await smtp.WaitForAsync(2);
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("maria@example.org", m.To.Mailboxes.Single().Address));
    }

    Task<Guid> IdOf(string code) =>
        app.WithDbAsync(db => Task.FromResult(db.Bookings.Single(b => b.Code == code).Id));
}
