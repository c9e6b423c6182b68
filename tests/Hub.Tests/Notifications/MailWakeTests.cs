using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Hub.Notifications;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Notifications;

/// <summary>
/// R2: a new booking's mail leaves at once, not at the next minute's sweep: its commit queues an outbox run in
/// Hangfire's storage. The test server runs no Hangfire worker, so the queued run stays there to be seen.
/// </summary>
public class MailWakeTests : AppTest
{
    [Fact]
    public async Task ANewBookingsCommit_QueuesAnOutboxRun()
    {
        var monitor = App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var service = await ServiceAsync();
        var start = (await Http.AvailabilityAsync(service.Id, Wednesday))[0].Start;
        Assert.Empty(OutboxRuns(monitor));

        await Http.BookOkAsync(service.Id, start, "maria@example.org");

        Assert.Single(OutboxRuns(monitor));
    }

    static IEnumerable<string> OutboxRuns(Hangfire.Storage.IMonitoringApi monitor) =>
        monitor.EnqueuedJobs("default", 0, 100).Where(j => j.Value.Job?.Type == typeof(OutboxJob)).Select(j => j.Key);
}
