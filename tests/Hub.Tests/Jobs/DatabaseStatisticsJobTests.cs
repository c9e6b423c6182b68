using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Hub.Jobs;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests.Jobs;

/// <summary>
/// SQLite's planner statistics follow the office's growth (ADR 0022): the check is scheduled every minute. A server
/// database keeps its own statistics, and no job is scheduled for it.
/// </summary>
public class DatabaseStatisticsJobTests
{
    [Fact]
    public async Task OnSqlite_ThePlannerStatistics_AreCheckedEveryMinute()
    {
        await using var app = new RantevouApp();
        app.CreateClient();

        var job = Assert.Single(RecurringJobs(app), j => j.Id == "database-statistics");
        Assert.Equal(Cron.Minutely(), job.Cron);
        Assert.Equal(typeof(DatabaseStatisticsJob), job.Job.Type);
    }

    [Fact]
    [Trait("Database", "PostgreSql")]
    public async Task OnPostgreSql_NoStatisticsJob_IsScheduled()
    {
        await using var app = new RantevouApp { Database = TestDatabase.PostgreSql };
        app.CreateClient();

        Assert.DoesNotContain(RecurringJobs(app), j => j.Id == "database-statistics");
        Assert.Contains(RecurringJobs(app), j => j.Id == "live-day");
    }

    static List<RecurringJobDto> RecurringJobs(RantevouApp app)
    {
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs();
    }
}
