using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Booking;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Accounts;
using Rantevou.Core.Devices;

namespace Rantevou.Hub.Tests.Authorization;

/// <summary>Who calls: a bearer token (or none), the booking token it puts in URLs (or none), and a lobby device's cookie (or none).</summary>
public sealed record Identity(string Name, string? Bearer, string? BookingToken, string TicketCode, string? Device = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// One server for the matrix: bookings X and Y (X's manage token is the token holder's; everyone else carries Y's),
/// a walk-in ticket, a second agent made here, and a bearer token for each signed-in identity.
/// </summary>
public sealed class MatrixOffice : IAsyncLifetime
{
    public const string Password = "Demo!2026";
    public const string AgentB = "agent-b@example.org";

    /// <summary>A ticket code of the right shape that no ticket has: what a caller without the printed ticket can only guess.</summary>
    const string GuessedTicket = "AAAAAAAAAAAA";

    public RantevouApp App { get; } = new();
    public BookingCreatedDto X { get; private set; } = null!;
    public BookingCreatedDto Y { get; private set; } = null!;
    public string XQr { get; private set; } = "";

    /// <summary>A free time on Wednesday for the create and reschedule bodies.</summary>
    public DateTimeOffset FreeStart { get; private set; }
    public int ServiceId { get; private set; }
    public int DeskId { get; private set; }
    public string Ticket { get; private set; } = "";
    public List<Identity> Identities { get; } = [];

    public async Task InitializeAsync()
    {
        var http = Client(null);
        ServiceId = (await http.ServicesAsync()).First().Id;
        DeskId = (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!.First().Id;
        var slots = await http.AvailabilityAsync(ServiceId, new DateOnly(2026, 12, 2));
        X = await http.BookOkAsync(ServiceId, slots[0].Start, "x@example.org");
        Y = await http.BookOkAsync(ServiceId, slots[1].Start, "y@example.org");
        var xId = await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == X.Code).Select(b => b.Id).SingleAsync());
        FreeStart = slots[2].Start;
        XQr = App.Tokens.QrText(X.Code);
        // X confirmed, so its live and check-in answers are the real ones rather than "unconfirmed".
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/bookings/{X.Code}/confirm?token={App.Tokens.Confirm(xId)}", null)).StatusCode);
        using var kiosk = Client(null, await App.PairDeviceAsync());
        var walkIn = await kiosk.PostAsJsonAsync("/api/kiosk/walkins", new WalkInRequest(ServiceId, null));
        Ticket = (await walkIn.Content.ReadFromJsonAsync<WalkInResult>())!.Code;

        await CreateAgentBAsync();
        Identities.Add(new("anonymous", null, null, GuessedTicket));
        Identities.Add(new("token holder of X", null, X.ManageToken, Ticket));
        Identities.Add(new("agent A", await LoginAsync("agent@example.org"), Y.ManageToken, GuessedTicket));
        Identities.Add(new("agent B", await LoginAsync(AgentB), Y.ManageToken, GuessedTicket));
        Identities.Add(new("clerk", await LoginAsync("clerk1@example.org"), Y.ManageToken, GuessedTicket));
        Identities.Add(new("admin", await LoginAsync("admin@example.org"), Y.ManageToken, GuessedTicket));
        // The lobby's machines (ADR 0015): a paired kiosk, and a paired display, which is no kiosk.
        Identities.Add(new("kiosk", null, null, GuessedTicket, await App.PairDeviceAsync(DeviceKind.Kiosk, "Matrix kiosk")));
        Identities.Add(new("display", null, null, GuessedTicket, await App.PairDeviceAsync(DeviceKind.Display, "Matrix display")));
    }

    /// <summary>R8: a second agent, as an admin would create it, to check agents see nothing of each other's.</summary>
    async Task CreateAgentBAsync()
    {
        await using var scope = App.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = AgentB, Email = AgentB, EmailConfirmed = true, DisplayName = "Agent B", AgentKind = AgentKind.DrivingSchool };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Agent)).Succeeded);
    }

    async Task<string> LoginAsync(string email)
    {
        var response = await Client(null).PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>No cookies and no redirects followed: each answer is the endpoint's own, a redirect to login included.</summary>
    public HttpClient Client(string? bearer, string? device = null)
    {
        var http = App.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        if (bearer is not null)
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (device is not null)
            http.AsDevice(device);
        return http;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
