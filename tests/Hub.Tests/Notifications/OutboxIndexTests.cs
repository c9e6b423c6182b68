using Microsoft.EntityFrameworkCore;
using Rantevou.Hub.Notifications;
using Rantevou.Hub.Tests.Data;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>
/// The sender's query reads only the outbox's index (R2): each row holds its mail, about 5 KB, and a backlog read from
/// the table walked every unsent mail at every batch of 20.
/// </summary>
public sealed class OutboxIndexTests : SqliteDbTest
{
    [Fact]
    public async Task TheDueMailQuery_IsAnsweredFromTheSenderIndexAlone_InOrder()
    {
        await using var command = OutboxDispatcher.Due(Db, DateTime.UtcNow).CreateDbCommand();
        await Db.Database.OpenConnectionAsync();
        var plan = await QueryPlan.ReadAsync(command);

        var step = Assert.Single(plan);
        Assert.Contains("USING COVERING INDEX IX_Outbox_SentUtc_CreatedUtc_NextAttemptUtc_LockedUntilUtc_Id", step, StringComparison.Ordinal);
    }
}
