using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Contracts.Admin;
using Rantevou.Core.Data;
using Rantevou.Core.Devices;

namespace Rantevou.TestKit;

/// <summary>
/// Registered lobby devices for tests (ADR 0015): the kiosk API needs a paired kiosk, so a test gets one the way an
/// administrator's approval makes it — a device row with the hash of a fresh secret — and carries its cookie.
/// </summary>
public static class PairedDevices
{
    /// <summary>Registers a device directly in the app's database; returns its secret, the value of its cookie.</summary>
    public static async Task<string> PairDeviceAsync(this RantevouApp app, DeviceKind kind = DeviceKind.Kiosk, string name = "Test kiosk", int? officeId = null)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<RantevouDbContext>();
        var office = officeId ?? await db.Offices.OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
        var (_, secret) = await scope.ServiceProvider.GetRequiredService<DeviceRegistry>().RegisterAsync(office, kind, name, null, CancellationToken.None);
        return secret;
    }

    /// <summary>A client of the app that is a freshly paired kiosk of the (first) office.</summary>
    public static async Task<HttpClient> KioskClientAsync(this RantevouApp app, string? language = null)
    {
        var http = app.CreateClient().AsDevice(await app.PairDeviceAsync());
        if (language is not null)
            http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return http;
    }

    /// <summary>Every request of the client carries the device's cookie, as the kiosk's browser sends it.</summary>
    public static HttpClient AsDevice(this HttpClient http, string secret)
    {
        http.DefaultRequestHeaders.Remove("Cookie");
        http.DefaultRequestHeaders.Add("Cookie", $"{DeviceCookies.Device}={secret}");
        return http;
    }

    /// <summary>
    /// The whole pairing over HTTP, for a server the test cannot reach inside (another process): <paramref name="device"/>
    /// asks for a code, <paramref name="admin"/> approves it, the device's poll collects its cookie. The cookies are
    /// carried by hand, so any client works. Returns the device's secret.
    /// </summary>
    public static async Task<string> PairOverHttpAsync(HttpClient device, HttpClient admin, string kind = "kiosk", string name = "Test kiosk")
    {
        var started = await device.PostAsJsonAsync("/api/devices/pairing", new StartPairingRequest(kind));
        started.EnsureSuccessStatusCode();
        var code = (await started.Content.ReadFromJsonAsync<PairingState>())!.Code;
        (await admin.PostAsJsonAsync("/api/admin/devices", new ApproveDeviceRequest(code, name, null))).EnsureSuccessStatusCode();
        using var poll = new HttpRequestMessage(HttpMethod.Get, "/api/devices/pairing");
        poll.Headers.Add("Cookie", $"{DeviceCookies.Pairing}={Cookie(started, DeviceCookies.Pairing)}");
        var paired = await device.SendAsync(poll);
        paired.EnsureSuccessStatusCode();
        return Cookie(paired, DeviceCookies.Device);
    }

    static string Cookie(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];
}
