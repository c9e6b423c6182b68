using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>After setting a password from an invitation or reset link, the sign-in page says it worked and has the email filled in.</summary>
public sealed class PasswordSetNoticeTests : AppTest
{
    [Fact]
    public async Task SignInPage_AfterAPasswordWasSet_SaysSo_WithTheEmailFilledIn()
    {
        var after = await Http.GetStringAsync("/account/login?changed=true&email=clerk4%40example.org");
        var plain = await Http.GetStringAsync("/account/login");

        Assert.Contains("Ο κωδικός σας ορίστηκε. Συνδεθείτε με τον νέο κωδικό.", after, StringComparison.Ordinal);
        Assert.Contains("value=\"clerk4@example.org\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Ο κωδικός σας ορίστηκε", plain, StringComparison.Ordinal);
    }
}
