namespace SeeMe.Server.Zip;

/// <summary>
/// How much an imported zip may inflate to, so a zip bomb is refused before it fills the disk or
/// the memory. The declared sizes are checked when the zip is opened, and bytes are counted while
/// reading, since declared sizes can lie.
/// </summary>
/// <param name="MaxEntryBytes">Largest inflated size of one entry.</param>
/// <param name="MaxTotalBytes">Largest inflated size of all the entries together.</param>
/// <param name="MaxRatio">Largest inflated-to-compressed ratio of an entry larger than <see cref="RatioFloorBytes"/>.</param>
/// <param name="MaxTextBytes">Largest total of text entries (.txt, .csv, .names, config.json) read into memory.</param>
public sealed record ZipLimits(long MaxEntryBytes, long MaxTotalBytes, int MaxRatio, long MaxTextBytes)
{
    /// <summary>Small entries may compress well (a text of repeated lines); the ratio applies only above this size.</summary>
    public const long RatioFloorBytes = 1024 * 1024;

    /// <summary>
    /// The server's limits: those set in the options, else derived from the upload limit: an entry
    /// no larger than a file one could upload, all entries together four times that, a ratio of 100
    /// (photos barely compress; zeros compress 1000:1), and text up to 256 MiB or the upload limit.
    /// </summary>
    public static ZipLimits From(ServerOptions options) => new(
        options.MaxZipEntryBytes ?? options.MaxUploadBytes,
        options.MaxZipTotalBytes ?? 4 * options.MaxUploadBytes,
        options.MaxZipRatio ?? 100,
        options.MaxZipTextBytes ?? Math.Min(options.MaxUploadBytes, 256L * 1024 * 1024));
}
