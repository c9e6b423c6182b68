using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Accounts;

/// <summary>
/// A desk assigned to a clerk: a clerk acts only at the desks assigned to them, and at none without any; an
/// admin acts at every desk of their office and needs no row here.
/// </summary>
public sealed class StaffDesk
{
    public required string UserId { get; set; }
    public int DeskId { get; set; }
}

sealed class StaffDeskConfiguration : IEntityTypeConfiguration<StaffDesk>
{
    public void Configure(EntityTypeBuilder<StaffDesk> e)
    {
        e.HasKey(s => new { s.UserId, s.DeskId });
        e.HasIndex(s => s.DeskId);
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Desk>().WithMany().HasForeignKey(s => s.DeskId).OnDelete(DeleteBehavior.Cascade);
    }
}
