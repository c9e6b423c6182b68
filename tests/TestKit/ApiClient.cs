using System.Net.Http.Json;
using Rantevou.Contracts.Booking;

namespace Rantevou.TestKit;

/// <summary>Small helpers over the public JSON API, so tests read as the steps a client takes.</summary>
public static class ApiClient
{
    public static async Task<List<ServiceDto>> ServicesAsync(this HttpClient http) =>
        (await http.GetFromJsonAsync<List<ServiceDto>>("/api/services"))!;

    public static async Task<List<SlotDto>> AvailabilityAsync(this HttpClient http, int serviceId, DateOnly date) =>
        (await http.GetFromJsonAsync<List<SlotDto>>($"/api/services/{serviceId}/availability?date={date:yyyy-MM-dd}"))!;

    public static Task<HttpResponseMessage> BookAsync(this HttpClient http, int serviceId, DateTimeOffset start,
        string fullName = "Μαρία Παπαδοπούλου", string email = "maria@example.org", string mobile = "6941234567") =>
        http.PostAsJsonAsync("/api/bookings", new CreateBookingRequest(serviceId, start.ToString("O"), fullName, email, mobile));

    public static async Task<BookingCreatedDto> BookOkAsync(this HttpClient http, int serviceId, DateTimeOffset start, string email = "maria@example.org")
    {
        var response = await http.BookAsync(serviceId, start, email: email);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BookingCreatedDto>())!;
    }
}
