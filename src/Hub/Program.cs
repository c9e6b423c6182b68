using Rantevou.Core.Data;
using Rantevou.Hub.Accounts;
using Rantevou.Hub.Audit;
using Rantevou.Hub.Infrastructure;
using Rantevou.Hub.Jobs;
using Rantevou.Hub.Notifications;
using Rantevou.Hub.Queue;
using Rantevou.Web;

// Settings are read once, at start; a change takes a restart. Watching the settings files meant watching the content
// root, and with it the default data directory (`data`) beneath it: every database write woke the watcher's thread.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
builder.AddRantevouHardening();
builder.AddRantevouTelemetry();
builder.AddRantevouCore();
builder.AddRantevouLocalization();
builder.AddRantevouAccounts();
builder.AddRantevouMail();
builder.AddRantevouJobs();
builder.AddRantevouApi();
builder.AddRantevouQueue();
builder.AddRantevouWeb();

var app = builder.Build();
// `admin create …` (README, Going live) runs instead of the web server.
if (await app.RunCommandAsync(args))
    return;
await app.PrepareAsync();

app.UseRantevouHardening();
app.UseRantevouLocalization();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiBodyLimit();
app.UseSameOriginForCookies();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuditTrail();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapRantevouApi();
app.MapRantevouQueue();
app.MapRantevouWeb();
app.UseRantevouJobs();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
