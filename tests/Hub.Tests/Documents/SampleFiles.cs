using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>Tiny files built in the test: the three accepted types, and the hostile ones R10/R12 must refuse.</summary>
static class SampleFiles
{
    public static byte[] Pdf(int padTo = 0)
    {
        var body = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
        var pad = Math.Max(0, padTo - body.Length - "trailer\n<< /Root 1 0 R >>\n%%EOF\n".Length);
        return Encoding.ASCII.GetBytes(body + new string('%', pad) + "trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    }

    /// <summary>A 1×1 RGB PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A PNG whose header declares <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static byte[] PngDeclaring(uint width, uint height)
    {
        var png = Png();
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        return png;
    }

    /// <summary>An 8×8 grey baseline JPEG: one block, DC difference 0, end of block.</summary>
    public static byte[] Jpeg()
    {
        var bytes = new List<byte> { 0xFF, 0xD8 };
        bytes.AddRange([0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        bytes.AddRange([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        bytes.AddRange(Enumerable.Repeat((byte)1, 64));
        bytes.AddRange([0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]);
        foreach (var tableClass in new byte[] { 0x00, 0x10 })
        {
            bytes.AddRange([0xFF, 0xC4, 0x00, 0x14, tableClass, 1]);
            bytes.AddRange(new byte[15]);
            bytes.Add(0x00);
        }
        bytes.AddRange([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0x3F, 0xFF, 0xD9]);
        return [.. bytes];
    }

    /// <summary>A Windows executable's first bytes.</summary>
    public static byte[] WindowsExe() => [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, .. new byte[200]];

    public static byte[] LinuxElf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[200]];

    /// <summary>A real zip holding 20 MB of zeros in a few kilobytes: a decompression bomb for whoever unpacks it.</summary>
    public static byte[] ZipBomb()
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("scan.pdf", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
                entry.Write(zeros);
        }
        return output.ToArray();
    }
}
