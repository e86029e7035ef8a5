namespace SeeMe.Server.Lifetime;

/// <summary>A data folder the server owns (--delete-data-on-exit): new or empty when it starts, removed when it stops.</summary>
internal static class DataFolder
{
    /// <summary>Refuses a folder that already holds anything: removing it on exit would lose what was there before.</summary>
    public static void CheckOwnable(string dataDirectory)
    {
        if (Directory.Exists(dataDirectory) && Directory.EnumerateFileSystemEntries(dataDirectory).Any())
            throw new ArgumentException($"--delete-data-on-exit needs a new or empty data folder, and '{dataDirectory}' already holds files; leave out --delete-data-on-exit to keep using it.");
    }

    public static void Delete(string dataDirectory)
    {
        try
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"The data folder '{dataDirectory}' could not be removed: {e.Message}");
        }
    }
}
