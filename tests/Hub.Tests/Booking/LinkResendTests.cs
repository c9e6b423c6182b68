using System.Net;
using Rantevou.Hub.Tests.Support;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Booking;

/// <summary>
/// R2 when the mail is lost: the code and the email together bring the booking's mail again (the confirmation link while
/// pending, the QR once confirmed); the answer is the same when they do not match; not twice within a few minutes.
/// </summary>
public sealed class LinkResendTests : AppTest
{
    /// <summary>A browser: it keeps the pages' cookies (the forms' antiforgery cookie among them).</summary>
    HttpClient Browser => browser ??= App.CreateClient();
    HttpClient? browser;

    [Fact]
    public async Task CodeAndEmail_SendTheBookingsMailAgain_AndAWrongPairGetsTheSameAnswerAndNoMail()
    {
        var service = await ServiceAsync();
        var booked = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "eleni@example.org");
        var id = await IdOfAsync(booked.Code);
        App.Clock.Advance(TimeSpan.FromMinutes(6));

        // Typed as people type it: lower case, without the dash, the address in capitals.
        var sent = await FindAsync(booked.Code.ToLowerInvariant(), "ELENI@example.org");
        Assert.Contains("στάλθηκε ξανά", sent, StringComparison.Ordinal);
        Assert.Equal(["Created", "Created"], await MailKindsAsync(id));

        // Right away again: nothing more (an inbox is not to be filled); a wrong email or code: the same words, no mail.
        Assert.Equal(sent, await FindAsync(booked.Code, "eleni@example.org"));
        Assert.Equal(sent, await FindAsync(booked.Code, "someone@example.org"));
        Assert.Equal(sent, await FindAsync("ZZZZZZZZ", "eleni@example.org"));
        Assert.Equal(["Created", "Created"], await MailKindsAsync(id));

        // Confirmed, it is the mail with the QR code that comes again.
        await Http.PostAsync($"/api/bookings/{booked.Code}/confirm?token={Uri.EscapeDataString(App.Tokens.Confirm(id))}", null);
        App.Clock.Advance(TimeSpan.FromMinutes(6));
        await FindAsync(booked.Code, "eleni@example.org");
        Assert.Equal(["Confirmed", "Confirmed", "Created", "Created"], (await MailKindsAsync(id)).Order());
        Assert.Equal(4, await App.DispatchMailAsync());
        var again = (await Smtp.WaitForAsync(4)).Last();
        Assert.Equal("eleni@example.org", again.To.Mailboxes.Single().Address);
        Assert.Contains(again.Attachments, a => a.ContentType.MimeType == "image/png");
    }

    [Fact]
    public async Task FindPage_SaysWhatIsMissingOrMalformed_BesideEachField()
    {
        var page = WebUtility.HtmlDecode(await (await PageForms.PostFormAsync(Browser, "/b/find", new() { ["Code"] = "12", ["Email"] = "" }))
            .Content.ReadAsStringAsync());
        Assert.Contains("Ο κωδικός ραντεβού έχει 8 γράμματα και αριθμούς", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Email-error\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnTheSentPage_SendAgain_WaitsAFewMinutes_ThenSendsTheConfirmationLinkAgain()
    {
        var service = await ServiceAsync();
        var booked = await Http.BookOkAsync(service.Id, (await FreeStartsAsync(service.Id, Wednesday))[0], "eleni@example.org");
        var id = await IdOfAsync(booked.Code);
        var sentPage = $"/book/sent/{booked.Code}?token={Uri.EscapeDataString(booked.ManageToken)}";
        Assert.Contains($"/b/{booked.Code}/cancel?token=", await Browser.GetStringAsync(sentPage), StringComparison.Ordinal); // a wrong address: book anew

        var tooSoon = await PageForms.SubmitAsync(Browser, sentPage, "handler=Resend", _ => { });
        Assert.Contains("πριν από λίγα λεπτά", WebUtility.HtmlDecode(await tooSoon.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(["Created"], await MailKindsAsync(id));

        App.Clock.Advance(TimeSpan.FromMinutes(6));
        var resent = await PageForms.SubmitAsync(Browser, sentPage, "handler=Resend", _ => { });
        Assert.Contains("Το email στάλθηκε ξανά.", WebUtility.HtmlDecode(await resent.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(["Created", "Created"], await MailKindsAsync(id));
    }

    async Task<string> FindAsync(string code, string email)
    {
        var answer = await PageForms.PostFormAsync(Browser, "/b/find", new() { ["Code"] = code, ["Email"] = email });
        Assert.True(answer.StatusCode == HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        return WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
    }
}
