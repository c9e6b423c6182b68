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
        var bitmap = new BinaryBitmap(new HybridBinarizer(
            new RGBLuminanceSource(image.Luminance, image.Width, image.Height, RGBLuminanceSource.BitmapFormat.Gray8)));
        // A mailed code is a clean image: read it whole first. ZXing's finder-pattern search, made for camera pictures,
        // misses a few clean codes (one booking's in a few hundred); a scanner reading the printed code has no such gap.
        return Read(bitmap, DecodeHintType.PURE_BARCODE) ?? Read(bitmap, DecodeHintType.TRY_HARDER);
    }

    static string? Read(BinaryBitmap bitmap, DecodeHintType hint) =>
        new QRCodeReader().decode(bitmap, new Dictionary<DecodeHintType, object> { [hint] = true })?.Text;
}
