using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rantevou.Contracts.Admin;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>A fresh server with the demo admin signed in over the API (English answers).</summary>
public abstract class AdminTest : AppTest
{
    protected HttpClient Admin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Admin = (await Clerk.LoginAsync(App, "admin@example.org")).Http;
    }

    protected async Task<AdminService> AdminServiceAsync(int id) =>
        (await Admin.GetFromJsonAsync<List<AdminService>>("/api/admin/services"))!.Single(s => s.Id == id);

    protected static ServiceEdit EditOf(AdminService s) =>
        new(s.GroupId, s.NameEl, s.NameEn, s.DurationMinutes, s.Active, s.Documents);

    protected Task<HttpResponseMessage> PutServiceAsync(int id, ServiceEdit edit, bool confirm = false) =>
        Admin.PutAsJsonAsync($"/api/admin/services/{id}{(confirm ? "?confirm=true" : "")}", edit);

    protected Task<HttpResponseMessage> PutSpecialDayAsync(DateOnly date, SpecialDayEdit edit, bool confirm = false) =>
        Admin.PutAsJsonAsync($"/api/admin/special-days/{date:yyyy-MM-dd}{(confirm ? "?confirm=true" : "")}", edit);

    protected Task<string> StatusAsync(string code) => Db(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Status.ToString()).SingleAsync());

    protected Task<int> ClaimCountAsync(string code) =>
        Db(async db => await db.SlotClaims.CountAsync(c => c.BookingId == db.Bookings.Single(b => b.Code == code).Id));
}
