using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rantevou.Core.Offices;

namespace Rantevou.Core.Devices;

/// <summary>What a registered lobby machine is: a kiosk issues tickets and checks people in (R3, R5, R6); a display only shows.</summary>
public enum DeviceKind
{
    Kiosk,
    Display,
}

/// <summary>
/// A lobby machine an administrator registered by its pairing code. It proves itself with a long random secret in an
/// HttpOnly cookie; only the secret's hash is kept here, so a copy of the database opens no kiosk. A revoked device
/// is refused at its next request.
/// </summary>
public sealed class Device
{
    public int Id { get; set; }
    public int OfficeId { get; set; }
    public DeviceKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the secret; null between the approval and the device's next poll, which receives the secret.</summary>
    public string? SecretHash { get; set; }

    /// <summary>The administrator who approved the pairing (null for a development machine paired by itself).</summary>
    public string? ApprovedBy { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? LastSeenUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

/// <summary>
/// A pairing code on a machine's screen, waiting for an administrator. It lives in the database like everything every
/// node must see (the poll may reach another node than the one that showed the code). The machine holds the pairing's
/// own secret (a short-lived cookie), so knowing the code shown in the lobby does not give anyone the device's secret.
/// </summary>
public sealed class DevicePairing
{
    public int Id { get; set; }

    /// <summary>Six characters of <see cref="DeviceSecrets.CodeAlphabet"/>, unique while pending.</summary>
    public required string Code { get; set; }

    /// <summary>SHA-256 of the pairing secret the machine polls with.</summary>
    public required string SecretHash { get; set; }

    public DeviceKind Kind { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }

    /// <summary>The device the administrator made of it; set on approval, the row goes when the machine collects its secret.</summary>
    public int? DeviceId { get; set; }
}

sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> e)
    {
        e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Name).HasMaxLength(100);
        e.Property(d => d.SecretHash).HasMaxLength(64);
        e.Property(d => d.ApprovedBy).HasMaxLength(450);
        e.HasIndex(d => d.SecretHash).IsUnique();
        e.HasIndex(d => d.OfficeId);
        e.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}

sealed class DevicePairingConfiguration : IEntityTypeConfiguration<DevicePairing>
{
    public void Configure(EntityTypeBuilder<DevicePairing> e)
    {
        e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(p => p.Code).HasMaxLength(6);
        e.Property(p => p.SecretHash).HasMaxLength(64);
        e.HasIndex(p => p.Code).IsUnique();
        e.HasIndex(p => p.SecretHash).IsUnique();
        e.HasIndex(p => p.ExpiresUtc);
    }
}
