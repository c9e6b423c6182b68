using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Browser.Tests;

/// <summary>The server on real Kestrel (a browser cannot reach TestServer), restartable on the same port and data folder.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    LiveServer(RantevouApp app, int port)
    {
        App = app;
        Port = port;
    }

    public RantevouApp App { get; private set; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static LiveServer Start(FakeTimeProvider clock)
    {
        var dir = Path.Combine(Path.GetTempPath(), "rantevou-tests", Guid.NewGuid().ToString("N"));
        var port = FreePort();
        return new LiveServer(Launch(new RantevouApp(dir, clock), port), port);
    }

    static RantevouApp Launch(RantevouApp app, int port)
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        app.StartServer();
        return app;
    }

    /// <summary>Stops the server, keeping its data folder for <see cref="StartAgain"/>.</summary>
    public async Task StopAsync()
    {
        App.KeepData = true;
        await App.DisposeAsync();
    }

    /// <summary>A new server on the same port over the same data folder and clock.</summary>
    public void StartAgain() => App = Launch(new RantevouApp(App.DataDir, App.Clock), Port);

    public HttpClient Http() => new() { BaseAddress = new Uri(BaseUrl) };

    /// <summary>A bearer client for a demo account (password from API.md).</summary>
    public async Task<HttpClient> StaffAsync(string email)
    {
        var http = Http();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo!2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>A confirmed booking for a service desk 1 offers, at the given office time today; returns its code.</summary>
    public async Task<string> ConfirmedBookingAsync(DateTimeOffset start)
    {
        using var http = Http();
        var desks = (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks"))!;
        var created = await http.BookOkAsync(desks.Single(d => d.Number == 1).Services[0], start);
        var code = BookingCode.Normalize(created.Code)!;
        var id = await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Id).SingleAsync());
        var confirm = await http.PostAsync($"/api/bookings/{code}/confirm?token={Uri.EscapeDataString(App.Tokens.Confirm(id))}", null);
        confirm.EnsureSuccessStatusCode();
        return code;
    }

    public async ValueTask DisposeAsync()
    {
        App.KeepData = false;
        await App.DisposeAsync();
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
