using System.Net;
using System.Net.Http.Json;
using Rantevou.Contracts.Queue;
using Rantevou.Core.Booking;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>R9: the person whose booking is void reads the clerk's reason as written, in Greek, in both parts of the mail.</summary>
public sealed class VoidMailTests : AppTest
{
    [Theory]
    [InlineData("Λείπει η ταυτότητα")]
    [InlineData("Το ΑΦΜ δεν αντιστοιχεί στο όνομα <Παπαδόπουλος> & η άδεια έληξε")]
    public async Task VoidMail_ShowsAGreekReason_AsGreekText(string reason)
    {
        var service = await ServiceAsync();
        var created = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0]);
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        var clerk = await Clerk.LoginAsync(App, "clerk1@example.org");

        var voided = await clerk.Http.PostAsJsonAsync($"/api/bookings/{created.Code}/void", new VoidRequest(reason));

        Assert.Equal(HttpStatusCode.OK, voided.StatusCode);
        Assert.Equal(2, await App.DispatchMailAsync());
        var mail = (await Smtp.WaitForAsync(2)).To("maria@example.org", $"Το ραντεβού σας {BookingCode.Display(created.Code)} κρίθηκε άκυρο");
        Assert.Contains("Αιτιολογία: " + reason, mail.TextBody, StringComparison.Ordinal);
        var html = mail.HtmlBody;
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), html, StringComparison.Ordinal);
        Assert.Contains(reason.Split('<')[0].Trim(), html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u03", mail.TextBody + html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#x3", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("&#9", html, StringComparison.Ordinal); // &#9xx; is Greek as numeric entities
    }
}
