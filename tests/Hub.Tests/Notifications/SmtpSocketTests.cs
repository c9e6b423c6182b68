using Rantevou.Hub.Notifications;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>The connection the outbox sends mail over (R2).</summary>
public sealed class SmtpSocketTests
{
    [Fact]
    public async Task TheConnectionToTheMailServer_HasNagleOff_SoTheEndOfAMessageIsNotHeldBack()
    {
        await using var smtp = SmtpTestServer.Start();

        // By name, as Smtp:Host is usually given: "localhost" also resolves to ::1, where nothing listens here.
        using var socket = await SmtpSocket.OpenAsync("localhost", smtp.Port, 5000, CancellationToken.None);

        Assert.True(socket.Connected);
        Assert.True(socket.NoDelay);
    }
}
