using Rantevou.Hub.Tests.Support;
using Rantevou.Web.Infrastructure;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>The QR in the confirmation mail reads back as its text, including texts the camera-style search missed.</summary>
public sealed class QrImageTests
{
    [Theory]
    [InlineData("RVU1.KQ8AHJSZ.V2OtAvK-Lwh5Z1Uf")]
    [InlineData("RVU1.ABCDEFGH.0123456789abcdefgh")]
    public void MailedQr_ReadsBackAsItsText(string text) => Assert.Equal(text, QrReader.Decode(QrImages.Png(text)));
}
