using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.TestKit;

namespace Rantevou.Browser.Tests.LiveDay;

/// <summary>What happens before the live-day screens come in: a confirmed booking, a clerk signed in to the API.</summary>
public static class LiveDaySteps
{
    public static HttpClient Http(this LiveApp app) => new() { BaseAddress = new Uri(app.BaseUrl) };

    /// <summary>A bearer client for a demo account (password from API.md).</summary>
    public static async Task<HttpClient> StaffAsync(this LiveApp app, string email)
    {
        var http = app.Http();
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password = "Demo!2026" });
        login.EnsureSuccessStatusCode();
        var token = (await login.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["accessToken"].ToString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>
    /// A confirmed booking for a service desk 1 offers (the first booking of the day goes to desk 1), at the first office
    /// or the one <paramref name="office"/> names; returns its code.
    /// </summary>
    public static async Task<string> ConfirmedBookingAsync(this LiveApp app, DateTimeOffset start, string? office = null)
    {
        using var http = app.Http();
        var desks = (await http.GetFromJsonAsync<List<DeskDto>>("/api/desks" + (office is null ? "" : $"?office={office}")))!;
        var response = await http.BookAsync(desks.Single(d => d.Number == 1).Services[0], start);
        Assert.True(response.IsSuccessStatusCode, $"booking at {start:HH:mm}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var created = (await response.Content.ReadFromJsonAsync<Contracts.Booking.BookingCreatedDto>())!;
        var code = BookingCode.Normalize(created.Code)!;
        var id = await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Id).SingleAsync());
        var confirm = await http.PostAsync($"/api/bookings/{code}/confirm?token={Uri.EscapeDataString(app.Tokens.Confirm(id))}", null);
        confirm.EnsureSuccessStatusCode();
        return code;
    }
}
