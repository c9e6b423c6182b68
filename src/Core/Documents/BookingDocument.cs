using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rantevou.Core.Catalogue;
using BookingEntity = Rantevou.Core.Booking.Booking;

namespace Rantevou.Core.Documents;

/// <summary>
/// R10: a file sent electronically with a booking, possibly answering one of the service's required documents.
/// The bytes live outside the web root under a name we chose (<see cref="DocumentStore"/>); the client's
/// file name is kept only for display, and the content type is what the bytes are, not what the client said.
/// </summary>
public sealed class BookingDocument
{
    /// <summary>The value of <see cref="UploadedBy"/> when the booking's holder uploaded it with the manage token.</summary>
    public const string Holder = "holder";

    public Guid Id { get; set; }
    public Guid BookingId { get; set; }

    /// <summary>The service's required document this file answers, if the person said which.</summary>
    public int? ServiceDocumentId { get; set; }

    /// <summary>Sanitised, for display and the download's file name only; never a path.</summary>
    public required string FileName { get; set; }

    public required string ContentType { get; set; }
    public long Size { get; set; }

    /// <summary>The file's name on disk: a random GUID and our extension.</summary>
    public required string StoredName { get; set; }

    public DateTime UploadedUtc { get; set; }

    /// <summary><see cref="Holder"/>, or the id of the staff account that uploaded it.</summary>
    public required string UploadedBy { get; set; }
}

sealed class BookingDocumentConfiguration : IEntityTypeConfiguration<BookingDocument>
{
    public void Configure(EntityTypeBuilder<BookingDocument> e)
    {
        e.ToTable("BookingDocuments");
        e.HasIndex(d => new { d.BookingId, d.UploadedUtc });
        e.HasIndex(d => d.StoredName).IsUnique();
        e.Property(d => d.FileName).HasMaxLength(DocumentNames.MaxLength);
        e.Property(d => d.ContentType).HasMaxLength(40);
        e.Property(d => d.StoredName).HasMaxLength(64);
        e.Property(d => d.UploadedBy).HasMaxLength(450);
        e.HasOne<BookingEntity>().WithMany().HasForeignKey(d => d.BookingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<ServiceDocument>().WithMany().HasForeignKey(d => d.ServiceDocumentId).OnDelete(DeleteBehavior.SetNull);
    }
}
