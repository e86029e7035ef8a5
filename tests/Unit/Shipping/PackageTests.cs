using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.Shipping;

/// <summary>The two packages, made by plain `dotnet pack` (build.ps1 -Package runs the same) from the built projects.</summary>
public sealed class PackagesFixture : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("seeme-packages-").FullName;
    public string ModulePackage { get; }
    public string ServerPackage { get; }

    public PackagesFixture()
    {
        // The test output sits in bin/<configuration>/net10.0: pack that configuration, already built by the test run.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        Pack("src/SeeMe.PowerShell/SeeMe.PowerShell.csproj", configuration);
        Pack("src/SeeMe.Server/SeeMe.Server.csproj", configuration);
        ModulePackage = Path.Combine(Folder, $"SeeMe.{Manifest.Version}.nupkg");
        ServerPackage = Path.Combine(Folder, $"SeeMe.LocalServer.{Manifest.Version}.nupkg");
    }

    private void Pack(string project, string configuration) =>
        Dotnet("pack", Path.Combine(Repository.Root, project), "-c", configuration, "--no-build", "--nologo", "-o", Folder);

    /// <summary>dotnet tool install SeeMe.LocalServer --tool-path, from the package folder only: the installed command.</summary>
    public string InstallServerTool()
    {
        var tools = Path.Combine(Folder, "tools");
        if (!Directory.Exists(tools))
            Dotnet("tool", "install", "SeeMe.LocalServer", "--version", Manifest.Version, "--tool-path", tools, "--add-source", Folder, "--ignore-failed-sources");
        return Path.Combine(tools, OperatingSystem.IsWindows() ? "seeme-local-server.exe" : "seeme-local-server");
    }

    private static void Dotnet(params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(name);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(" ", arguments)} failed:\n{output.Result}\n{errors}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>SeeMe.psd1 read as text: the one place the version, description and cmdlet list are written.</summary>
public static class Manifest
{
    public static readonly string Text = File.ReadAllText(Path.Combine(Repository.Root, "SeeMe.psd1"));
    public static readonly string Version = Field("ModuleVersion");
    public static readonly string Description = Field("Description");
    public static readonly string[] Cmdlets = System.Text.RegularExpressions.Regex.Matches(Text, @"'([A-Z][a-z]+-SeeMe\w*)'").Select(m => m.Groups[1].Value).ToArray();

    private static string Field(string name) => System.Text.RegularExpressions.Regex.Match(Text, name + @"\s*=\s*'([^']+)'").Groups[1].Value;
}

public sealed class PackageTests(PackagesFixture packages) : IClassFixture<PackagesFixture>
{
    private static readonly string[] NuGetParts = ["_rels/", "package/", "[Content_Types].xml"];

    [Fact]
    public void The_module_package_is_the_module_alone_at_the_package_root_under_2_MB()
    {
        Assert.True(new FileInfo(packages.ModulePackage).Length < 2 * 1024 * 1024, $"{new FileInfo(packages.ModulePackage).Length} bytes");
        using var zip = ZipFile.OpenRead(packages.ModulePackage);
        var files = zip.Entries.Select(e => e.FullName).Where(n => !NuGetParts.Any(n.StartsWith) && !n.EndsWith(".nuspec")).Order();
        Assert.Equal(["en-US/about_SeeMe.help.txt", "Newtonsoft.Json.dll", "SeeMe.Core.dll", "SeeMe.Format.ps1xml", "SeeMe.PowerShell.dll", "SeeMe.PowerShell.dll-Help.xml", "SeeMe.psd1"], files);
        Assert.Equal(File.ReadAllText(Path.Combine(Repository.Root, "SeeMe.psd1")), new StreamReader(zip.GetEntry("SeeMe.psd1")!.Open()).ReadToEnd());
    }

    [Fact]
    public void The_module_nuspec_has_the_PowerShell_gallery_shape()
    {
        var metadata = Nuspec(packages.ModulePackage, "SeeMe.nuspec");
        Assert.Equal("SeeMe", Value(metadata, "id"));
        Assert.Equal(Manifest.Version, Value(metadata, "version"));
        Assert.Equal(Manifest.Description, Value(metadata, "description"));
        Assert.Empty(metadata.Elements().Where(e => e.Name.LocalName == "dependencies").SelectMany(d => d.Descendants()).Where(d => d.Name.LocalName == "dependency"));
        var tags = Value(metadata, "tags").Split(' ');
        Assert.Contains("PSModule", tags);
        Assert.Contains("PSEdition_Desktop", tags);
        Assert.Equal(62, Manifest.Cmdlets.Length);
        Assert.All(Manifest.Cmdlets, c => Assert.Contains("PSCmdlet_" + c, tags));
        Assert.All(Manifest.Cmdlets, c => Assert.Contains("PSCommand_" + c, tags));
    }

    [Fact]
    public void The_server_package_is_a_dotnet_tool_named_seeme_local_server_with_natives_for_six_platforms()
    {
        var metadata = Nuspec(packages.ServerPackage, "SeeMe.LocalServer.nuspec");
        Assert.Equal("SeeMe.LocalServer", Value(metadata, "id"));
        Assert.Equal(Manifest.Version, Value(metadata, "version"));
        Assert.Contains(metadata.Descendants(), e => e.Name.LocalName == "packageType" && (string)e.Attribute("name") == "DotnetTool");

        using var zip = ZipFile.OpenRead(packages.ServerPackage);
        var settings = XDocument.Load(zip.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal("seeme-local-server", (string)command.Attribute("Name"));
        Assert.Equal("SeeMe.Server.dll", (string)command.Attribute("EntryPoint"));

        var natives = zip.Entries.Select(e => e.FullName).Where(n => n.Contains("/runtimes/")).ToList();
        var runtimes = natives.Select(n => n.Split("/runtimes/")[1].Split('/')[0]).ToHashSet();
        Assert.Subset(new HashSet<string> { "win-x64", "win-arm64", "linux-x64", "linux-arm64", "osx-x64", "osx-arm64", "osx" }, runtimes);
        foreach (var rid in new[] { "win-x64", "win-arm64", "linux-x64", "linux-arm64", "osx-x64", "osx-arm64" })
            Assert.Contains(natives, n => n.Contains($"/runtimes/{rid}/native/") && n.Contains("e_sqlite3"));
        foreach (var native in new[] { "win-x64/native/onnxruntime.dll", "win-arm64/native/onnxruntime.dll", "linux-x64/native/libonnxruntime.so",
                                        "linux-arm64/native/libonnxruntime.so", "osx-arm64/native/libonnxruntime.dylib", "osx/native/libSkiaSharp.dylib",
                                        "win-x64/native/libSkiaSharp.dll", "linux-x64/native/libSkiaSharp.so" })
            Assert.Contains(natives, n => n.EndsWith("/runtimes/" + native));
        Assert.DoesNotContain(natives, n => n.EndsWith(".pdb") || n.EndsWith(".lib"));
        Assert.True(new FileInfo(packages.ServerPackage).Length < 120 * 1024 * 1024, $"{new FileInfo(packages.ServerPackage).Length} bytes");
    }

    [Fact]
    public void The_installed_tool_is_a_server_Start_SeeMeLocalServer_runs_and_connects_to()
    {
        var tool = packages.InstallServerTool();
        Assert.True(File.Exists(tool), tool);
        var data = Path.Combine(packages.Folder, "data");
        using var ps = new PowerShellHost();
        try
        {
            var result = ps.Run("""
                $server = Start-SeeMeLocalServer -Path $args[0] -DataPath $args[1] -SampleData -TimeoutSec 60
                $server | Connect-SeeMe | Out-Null
                Invoke-SeeMePrediction -Model (Get-SeeMeModel -Name 'Sample colours') -Path "$($server.SampleImagesPath)/blue-1.png"
                """, tool, data);

            Assert.Empty(result.Errors);
            Assert.Equal("blue", Assert.Single(result.OfType<SeeMe.Core.Entities.Prediction>()).Label);
        }
        finally
        {
            ps.Run("Stop-SeeMeLocalServer");
        }
    }

    [Fact]
    public void One_version_the_manifest_s_is_on_both_packages_and_every_assembly()
    {
        var version = new Version(Manifest.Version);
        Assert.Equal(version, Trim(typeof(SeeMe.PowerShell.SeeMeCmdlet).Assembly.GetName().Version));
        Assert.Equal(version, Trim(typeof(SeeMe.Core.SeeMeClient).Assembly.GetName().Version));
        Assert.Equal(version, Trim(typeof(SeeMe.Server.SeeMeServerApp).Assembly.GetName().Version));
        Assert.True(File.Exists(packages.ModulePackage));
        Assert.True(File.Exists(packages.ServerPackage));
        var props = File.ReadAllText(Path.Combine(Repository.Root, "Directory.Build.props"));
        Assert.DoesNotContain(Manifest.Version, props); // read from SeeMe.psd1, not written twice
    }

    private static Version Trim(Version v) => new(v.Major, v.Minor, v.Build);

    private static XElement Nuspec(string package, string name)
    {
        using var zip = ZipFile.OpenRead(package);
        return XDocument.Load(zip.GetEntry(name)!.Open()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
}
