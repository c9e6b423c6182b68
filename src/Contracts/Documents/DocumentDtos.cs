namespace Rantevou.Contracts.Documents;

/// <summary>
/// A file uploaded with a booking (R10). <c>ContentType</c> is what the server found the bytes to be;
/// <c>DocumentId</c> is the service's required document it answers, if any; <c>UploadedAt</c> is UTC.
/// </summary>
public sealed record DocumentDto(Guid Id, string Name, string ContentType, long Size, int? DocumentId, DateTimeOffset UploadedAt);
