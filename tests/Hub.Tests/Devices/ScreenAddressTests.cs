using System.Net;
using Rantevou.Hub.Tests.LiveDay;

namespace Rantevou.Hub.Tests.Devices;

/// <summary>
/// A lobby screen's address is typed once, when it is set up. A typo in <c>?office=</c> gives a display that says so in
/// words (not one that tries to connect for ever), and a paired kiosk stays its own office's whatever the address says.
/// </summary>
public sealed class ScreenAddressTests : LiveDayTest
{
    [Fact]
    public async Task ADisplayForAnOfficeThatDoesNotExist_Says404InWords_AndRunsNoLiveScript()
    {
        var response = await Http.GetAsync("/display?office=nope&culture=el");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Δεν υπάρχει γραφείο «nope»", html, StringComparison.Ordinal);
        Assert.DoesNotContain("queue-live.js", html, StringComparison.Ordinal);
        var english = await (await Http.GetAsync("/display?office=nope&culture=en")).Content.ReadAsStringAsync();
        Assert.Contains("There is no office “nope”", english, StringComparison.Ordinal);
        Assert.Contains("queue-live.js", await Http.GetStringAsync("/display?office=demo"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APairedKiosk_SpeaksForItsOwnOffice_WhateverItsAddressSays()
    {
        using var kiosk = await App.KioskClientAsync();

        var html = await kiosk.GetStringAsync("/kiosk?office=nope");

        Assert.Contains("data-office=\"demo\"", html, StringComparison.Ordinal);
    }
}
