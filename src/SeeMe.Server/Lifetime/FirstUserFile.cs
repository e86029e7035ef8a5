using System.Security.AccessControl;
using System.Security.Principal;
using System.Text.Json;

namespace SeeMe.Server.Lifetime;

/// <summary>
/// The data folder's record of its first user: first-user.json, {"username": ..., "apikey": ...}, readable and
/// writable by its owner only (mode 0600; on Windows an access list of the owner alone). Whoever reuses the folder
/// (Start-SeeMeLocalServer -DataPath, or a person: Get-Content first-user.json) finds the key there, instead of
/// having to repeat a random one that was never shown. Written at every start, so it follows the database.
/// </summary>
public static class FirstUserFile
{
    public const string Name = "first-user.json";

    public static void Write(string dataDirectory, SeedUser user)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, Name);
        var temp = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temp, options))
            JsonSerializer.Serialize(stream, new Dictionary<string, string> { ["username"] = user.Username, ["apikey"] = user.ApiKey });
        if (OperatingSystem.IsWindows()) OwnerOnly(temp);
        else File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite); // a file that was there keeps its mode through Create
        File.Move(temp, path, overwrite: true);
    }

    [System.Runtime.Versioning.SupportedOSPlatform("windows")]
    private static void OwnerOnly(string path)
    {
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.AddAccessRule(new FileSystemAccessRule(WindowsIdentity.GetCurrent().User!, FileSystemRights.FullControl, AccessControlType.Allow));
        new FileInfo(path).SetAccessControl(security);
    }
}
