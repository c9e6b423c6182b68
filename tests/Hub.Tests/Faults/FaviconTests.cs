using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Faults;

/// <summary>Every browser asks for /favicon.ico on every page: the office's icon answers, not a 404 in the log each time.</summary>
public sealed class FaviconTests : AppTest
{
    [Fact]
    public async Task Favicon_IsAnIconFile_InTheSizesBrowsersAskFor()
    {
        var response = await Http.GetAsync("/favicon.ico");

        response.EnsureSuccessStatusCode();
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0, 0, 1, 0], bytes[..4]); // ICO header: reserved, type 1 (icon)
        var sizes = Enumerable.Range(0, BitConverter.ToUInt16(bytes, 4)).Select(i => (int)bytes[6 + (16 * i)]).ToList();
        Assert.Equal([16, 32, 48], sizes);
    }
}
