using System.Net;
using Microsoft.EntityFrameworkCore;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Admin;

/// <summary>R8 on the agents page: an administrator ends a school's account there, and can enable it again.</summary>
public sealed class AgentAccountsPageTests : AdminTest
{
    [Fact]
    public async Task DisableOnTheAgentsPage_EndsTheAccount_SaysSo_AndEnableBringsItBack()
    {
        var admin = await PageForms.SignInAsync(App, "admin@example.org");
        var id = await Db(db => db.Users.Where(u => u.Email == "school@example.org").Select(u => u.Id).SingleAsync());

        Assert.Contains("Απενεργοποίηση", await admin.GetStringAsync("/admin/agents"), StringComparison.Ordinal);
        var disabled = await PageForms.PostFormAsync(admin, "/admin/agents?handler=Disable", new() { ["id"] = id });

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(disabled.Headers.Location!));
        Assert.Contains("Ο λογαριασμός «Σχολή Οδηγών Δέλτα» απενεργοποιήθηκε", page, StringComparison.Ordinal);
        Assert.True(await Db(db => db.Users.Where(u => u.Id == id).Select(u => u.Disabled).SingleAsync()));

        Assert.Contains("Ενεργοποίηση ξανά", page, StringComparison.Ordinal);
        var enabled = await PageForms.PostFormAsync(admin, "/admin/agents?handler=Enable", new() { ["id"] = id });
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.False(await Db(db => db.Users.Where(u => u.Id == id).Select(u => u.Disabled).SingleAsync()));
    }
}
