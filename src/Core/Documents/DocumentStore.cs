using Microsoft.Extensions.Options;
using Rantevou.Core.Data;

namespace Rantevou.Core.Documents;

/// <summary>
/// Files of bookings on disk, outside the web root: <c>{DataDir}/documents/{bookingId}/{storedName}</c>.
/// An upload is written to a staging file first and moved into place only once it has passed every check,
/// so a refused or interrupted upload leaves nothing behind (R12).
/// </summary>
public sealed class DocumentStore(IOptions<RantevouOptions> options)
{
    const string Staging = ".incoming";

    public string Root { get; } = Path.GetFullPath(Path.Combine(options.Value.DataDir, "documents"));

    /// <summary>Copies <paramref name="head"/> and the rest of <paramref name="source"/> to a new staging file, stopping once more than <paramref name="maxBytes"/> arrive.</summary>
    public async Task<Staged> StageAsync(ReadOnlyMemory<byte> head, Stream source, long maxBytes, CancellationToken ct)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, Staging)).FullName;
        var staged = new Staged(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".part"));
        try
        {
            await using var file = new FileStream(staged.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            long total = head.Length;
            await file.WriteAsync(head, ct);
            var buffer = new byte[81920];
            int read;
            while (total <= maxBytes && (read = await source.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total <= maxBytes)
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
            staged.Size = total > maxBytes ? null : total;
            return staged;
        }
        catch
        {
            staged.Dispose();
            throw;
        }
    }

    /// <summary>Moves the staged file to its final place (same volume, so the move is a rename).</summary>
    public void Keep(Staged staged, Guid bookingId, string storedName)
    {
        var target = PathOf(bookingId, storedName);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Move(staged.Path, target);
    }

    public Stream? OpenRead(Guid bookingId, string storedName)
    {
        var path = PathOf(bookingId, storedName);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous) : null;
    }

    public void Delete(Guid bookingId, string storedName)
    {
        var path = PathOf(bookingId, storedName);
        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
            Directory.Delete(folder);
    }

    /// <summary>Every file of a booking (GDPR retention).</summary>
    public void DeleteBooking(Guid bookingId)
    {
        var folder = Path.Combine(Root, bookingId.ToString("N"));
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    /// <summary>Both parts are ours (a GUID and a name we generated), but the result is still checked to stay under the root.</summary>
    string PathOf(Guid bookingId, string storedName)
    {
        var path = Path.GetFullPath(Path.Combine(Root, bookingId.ToString("N"), storedName));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.GetFileName(path) != storedName)
            throw new InvalidOperationException("A stored document name left the documents folder.");
        return path;
    }
}

/// <summary>An upload in the staging area; <see cref="Size"/> is null when it was larger than allowed. Disposing deletes whatever was not kept.</summary>
public sealed class Staged(string path) : IDisposable
{
    public string Path { get; } = path;
    public long? Size { get; set; }

    public Stream OpenRead() => new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);

    public void Dispose() => File.Delete(Path);
}
