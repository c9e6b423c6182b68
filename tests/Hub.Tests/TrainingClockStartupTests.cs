using Microsoft.AspNetCore.Hosting;
using Rantevou.TestKit;

namespace Rantevou.Hub.Tests;

public sealed class TrainingClockStartupTests
{
    [Fact]
    public void TrainingClock_IsRefusedInProduction()
    {
        using var app = new ProductionApp();
        app.Settings["Rantevou:Clock:Start"] = "2026-12-01T08:00:00+02:00";
        app.Settings["Rantevou:Clock:Speed"] = "10";
        var error = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.Contains("Production", error.Message);
    }

    sealed class ProductionApp : RantevouApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
