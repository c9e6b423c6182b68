using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Privacy;

namespace Rantevou.Hub.Tests.Documents;

/// <summary>GDPR storage limitation: photocopies of identity papers go with the rest of the personal data.</summary>
public sealed class DocumentRetentionTests : DocumentsTestBase
{
    [Fact]
    public async Task Retention_DeletesTheFilesAndRows_OfAnonymisedBookings()
    {
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(SampleFiles.Pdf(), "id.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(SampleFiles.Png(), "photo.png")).StatusCode);
        Assert.Equal(2, StoredFiles().Length);

        App.Clock.Advance(TimeSpan.FromDays(182));
        await using (var scope = App.Scope())
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Retention>().AnonymiseAsync(CancellationToken.None));

        Assert.Empty(StoredFiles());
        Assert.Equal(0, await RowsAsync());
        Assert.NotNull(await App.WithDbAsync(db => db.Bookings.Where(b => b.Code == Booking.Code).Select(b => b.AnonymisedUtc).SingleAsync()));
    }
}
