using QRCoder;

namespace Rantevou.Hub.Notifications;

/// <summary>The booking's QR code as a PNG (QRCoder, no native imaging needed).</summary>
public static class QrImages
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
