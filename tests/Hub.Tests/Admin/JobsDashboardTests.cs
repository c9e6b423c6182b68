using System.Net;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rantevou.Hub.Jobs;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>The jobs (and their dashboard) belong to their own server, even with two servers started side by side in one process.</summary>
public sealed class JobsDashboardTests : AdminTest
{
    [Fact]
    public async Task JobsDashboard_AnswersTheAdmin()
    {
        var page = await Admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Hangfire", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoServersStartingTogether_EachKeepsItsOwnJobStorage_AndOneStoppingLeavesTheOtherWorking()
    {
        using var first = JobsHost();
        using var second = JobsHost();
        // Interleaved as two servers starting on two threads would: both configure Hangfire, then take their storage.
        first.Services.GetRequiredService<IGlobalConfiguration>();
        second.Services.GetRequiredService<IGlobalConfiguration>();
        var firstStorage = first.Services.GetRequiredService<JobStorage>();
        var secondStorage = second.Services.GetRequiredService<JobStorage>();
        Assert.NotSame(firstStorage, secondStorage);

        second.Dispose();
        Assert.NotNull(firstStorage.GetMonitoringApi().GetStatistics());
    }

    static IHost JobsHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Rantevou:Jobs:Enabled"] = "false";
        builder.AddRantevouJobs();
        return builder.Build();
    }
}
