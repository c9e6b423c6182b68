using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Rantevou.Hub.Tests.Support;

/// <summary>Reads the text of a QR code in a PNG, as a kiosk's scanner would (ZXing.Net).</summary>
public static class QrReader
{
    public static string? Decode(byte[] png)
    {
        var image = PngImage.Decode(png);
        var source = new RGBLuminanceSource(image.Luminance, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }
}
