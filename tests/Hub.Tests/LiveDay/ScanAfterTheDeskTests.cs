namespace Rantevou.Hub.Tests.LiveDay;

/// <summary>
/// R3, R12: a QR scanned again after the desk has dealt with it says where the person stands (called to which desk,
/// served, or closed because they did not come when called), never "already checked in, watch the display", which
/// kept a person marked absent waiting for a call that would not come.
/// </summary>
public sealed class ScanAfterTheDeskTests : LiveDayTest
{
    [Fact]
    public async Task AScanAfterTheDesk_SaysCalledServedOrAbsent_WithTheDeskThatCalled_AndChangesNothing()
    {
        await OnlyDesksAsync(1, 4, 5, 6);
        var desk = await DeskIdAsync(1);
        var renewal = await ServiceAsync("Driving licence renewal");
        var served = await BookAsync(renewal, Wed(9, 0), "served");
        var absent = await BookAsync(renewal, Wed(9, 30), "absent");
        At(8, 55);
        var clerk = await ClerkAsync();
        await ScanAsync(served.Qr);
        At(9, 0);
        Assert.Equal(served.Label, (await clerk.CallNextAsync(desk))!.Label);
        Assert.Equal(("Called", 1, $"You are being called to desk 1 now (appointment {served.Label}). Please go there."),
            await AgainAsync(served.Qr));
        await clerk.ActAsync(desk, "complete");
        Assert.Equal(("Served", 1, $"Appointment {served.Label} has already been served. There is nothing to wait for."),
            await AgainAsync(served.Qr));

        At(9, 25);
        await ScanAsync(absent.Qr);
        At(9, 31);
        Assert.Equal(absent.Label, (await clerk.CallNextAsync(desk))!.Label);
        await clerk.ActAsync(desk, "no-show");
        Assert.Equal(("NoShow", 1, $"Appointment {absent.Label} is closed: you were called to desk 1 and did not come. Ask at the desk, or book a new appointment."),
            await AgainAsync(absent.Qr));
    }

    /// <summary>The answer to a scan, which must leave every booking and the day as they were.</summary>
    async Task<(string Status, int? Desk, string Message)> AgainAsync(string qr)
    {
        var before = await StateAsync();
        var answer = await ScanAsync(qr);
        Assert.Equal(before, await StateAsync());
        return (answer.Status, answer.Desk, answer.Message);
    }
}
