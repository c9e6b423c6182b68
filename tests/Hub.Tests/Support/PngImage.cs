using System.Buffers.Binary;
using System.IO.Compression;

namespace Rantevou.Hub.Tests.Support;

/// <summary>
/// A minimal PNG reader (no package needed): non-interlaced grayscale, palette, RGB and
/// their alpha variants at 1–8 bits, which covers what QRCoder writes. Returns 8-bit luminance.
/// </summary>
public sealed record PngImage(int Width, int Height, byte[] Luminance)
{
    static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static PngImage Decode(byte[] png)
    {
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG");
        int width = 0, height = 0, depth = 0, colorType = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var pos = 8; pos + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8];
                    colorType = data[9];
                    if (data[12] != 0)
                        throw new NotSupportedException("interlaced PNG");
                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }
            pos += 12 + length;
            if (type == "IEND")
                break;
        }
        if (depth > 8)
            throw new NotSupportedException("16-bit PNG");
        var channels = colorType switch { 0 or 3 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException("color type") };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        var raw = Inflate(idat.ToArray(), (stride + 1) * height);
        var rows = Unfilter(raw, stride, height, bpp);

        var lum = new byte[width * height];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
                lum[y * width + x] = Pixel(rows, y * stride, x, depth, colorType, palette);
        return new PngImage(width, height, lum);
    }

    static byte[] Inflate(byte[] compressed, int expected)
    {
        using var z = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var buffer = new byte[expected];
        z.ReadExactly(buffer);
        return buffer;
    }

    static byte[] Unfilter(byte[] raw, int stride, int height, int bpp)
    {
        var rows = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                var x = raw[y * (stride + 1) + 1 + i];
                int a = i >= bpp ? rows[y * stride + i - bpp] : 0;
                int b = y > 0 ? rows[(y - 1) * stride + i] : 0;
                int c = i >= bpp && y > 0 ? rows[(y - 1) * stride + i - bpp] : 0;
                rows[y * stride + i] = (byte)(filter switch
                {
                    0 => x,
                    1 => x + a,
                    2 => x + b,
                    3 => x + (a + b) / 2,
                    4 => x + Paeth(a, b, c),
                    _ => throw new InvalidDataException("filter"),
                });
            }
        }
        return rows;
    }

    static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    static byte Pixel(byte[] rows, int rowStart, int x, int depth, int colorType, byte[] palette)
    {
        int Sample(int index)
        {
            if (depth == 8)
                return rows[rowStart + index];
            var bit = index * depth;
            var value = (rows[rowStart + bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
            return colorType == 3 ? value : value * 255 / ((1 << depth) - 1);
        }
        static byte Luma(int r, int g, int b) => (byte)((r * 299 + g * 587 + b * 114) / 1000);
        return colorType switch
        {
            0 or 4 => (byte)Sample(x * (colorType == 4 ? 2 : 1)),
            3 => Luma(palette[Sample(x) * 3], palette[Sample(x) * 3 + 1], palette[Sample(x) * 3 + 2]),
            _ => Luma(Sample(x * (colorType == 6 ? 4 : 3)), Sample(x * (colorType == 6 ? 4 : 3) + 1), Sample(x * (colorType == 6 ? 4 : 3) + 2)),
        };
    }
}
