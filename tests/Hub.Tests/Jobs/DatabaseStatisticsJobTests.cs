using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Hub.Jobs;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Jobs;

/// <summary>SQLite's planner statistics follow the office's growth (ADR 0022): the check is scheduled every minute.</summary>
public class DatabaseStatisticsJobTests
{
    [Fact]
    public async Task ThePlannerStatistics_AreCheckedEveryMinute()
    {
        await using var app = new RantevouApp();
        app.CreateClient();

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "database-statistics");
        Assert.Equal(Cron.Minutely(), job.Cron);
        Assert.Equal(typeof(DatabaseStatisticsJob), job.Job.Type);
    }
}
