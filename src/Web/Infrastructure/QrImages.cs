using QRCoder;

namespace Rantevou.Web.Infrastructure;

/// <summary>QR codes as PNG (QRCoder, no native imaging needed): the booking's in its mail and on its page, a ticket's, a 2FA key's.</summary>
public static class QrImages
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    /// <summary>The same inline in a page (the pages' content policy allows data: images), so no second request is needed.</summary>
    public static string DataUri(string text, int pixelsPerModule = 8) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}
