using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rantevou.Core.Accounts;
using Rantevou.Hub.Tests.LiveDay;
using Rantevou.Hub.Tests.Support;

namespace Rantevou.Hub.Tests.Accounts;

/// <summary>A stranger guessing passwords cannot keep a clerk locked out (the counts, not the answers' timing).</summary>
public sealed class SignInLockoutTests : AppTest
{
    const string Clerk1 = "clerk1@example.org";

    [Fact]
    public async Task GuessingFromOneAddress_IsThrottledThere_WhileTheClerkSignsInFromAnother_AndForgivenAfterTheWindow()
    {
        var stranger = IPAddress.Parse("203.0.113.66");
        var office = IPAddress.Parse("10.0.0.7");
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
            Assert.Null(await CheckAsync(Clerk1, "Guess!" + i, stranger));

        Assert.Null(await CheckAsync(Clerk1, Clerk.Password, stranger));
        Assert.NotNull(await CheckAsync(Clerk1, Clerk.Password, office));

        App.Clock.Advance(SignInThrottle.Window);
        Assert.NotNull(await CheckAsync(Clerk1, Clerk.Password, stranger));
    }

    [Fact]
    public async Task GuessingSpreadOverManyAddresses_LocksTheAccountOnlyAtTheMuchHigherAccountWideCount()
    {
        for (var i = 0; i < SignInThrottle.AccountWideLockout - 1; i++)
            Assert.Null(await CheckAsync(Clerk1, "Guess!" + i, IPAddress.Parse($"203.0.113.{i + 1}")));
        Assert.NotNull(await CheckAsync(Clerk1, Clerk.Password, IPAddress.Parse("10.0.0.7")));

        for (var i = 0; i < SignInThrottle.AccountWideLockout; i++)
            Assert.Null(await CheckAsync(Clerk1, "Guess!" + i, IPAddress.Parse($"198.51.100.{i + 1}")));
        Assert.Null(await CheckAsync(Clerk1, Clerk.Password, IPAddress.Parse("10.0.0.7")));
    }

    [Fact]
    public async Task TheOwnerWhoForgotAndGuessed_SignsInWithTheNewPasswordAtOnce_AfterResettingIt()
    {
        var office = IPAddress.Parse("10.0.0.7");
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
            Assert.Null(await CheckAsync(Clerk1, "Forgot!" + i, office));

        using (var scope = App.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(Clerk1))!);
            Assert.True((await scope.ServiceProvider.GetRequiredService<PasswordLinks>().ResetAsync(Clerk1, token, "NewPass!2026xyz")).Succeeded);
        }

        Assert.NotNull(await CheckAsync(Clerk1, "NewPass!2026xyz", office));
    }

    async Task<AppUser?> CheckAsync(string email, string password, IPAddress client)
    {
        using var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SignInCheck>().CheckAsync(email, password, client);
    }
}
