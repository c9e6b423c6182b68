using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>A mistyped SMTP setting stops the server at start, instead of failing every mail later.</summary>
public sealed class MailOptionsTests
{
    [Fact]
    public void MistypedSmtpSecurity_StopsTheStart_NamingTheSetting()
    {
        using var app = new RantevouApp();
        app.Settings["Smtp:Security"] = "StartTSL";
        var failed = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Security", failed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SmtpSecurity_IsReadWhateverItsCase()
    {
        using var app = new RantevouApp();
        app.Settings["Smtp:Security"] = "starttls";
        app.CreateClient().Dispose();
    }
}
