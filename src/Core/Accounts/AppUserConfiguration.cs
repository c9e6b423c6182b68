using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rantevou.Core.Accounts;

sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.AgentKind).HasConversion<string>().HasMaxLength(20);
    }
}
