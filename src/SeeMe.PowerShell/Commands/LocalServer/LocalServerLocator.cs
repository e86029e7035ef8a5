using System;
using System.IO;
using System.Linq;

namespace SeeMe.PowerShell.Commands.LocalServer
{
    /// <summary>
    /// Where Start-SeeMeLocalServer finds the server, in this order: -Path, $env:SEEME_LOCAL_SERVER, the
    /// seeme-local-server tool on PATH, the server a development build staged (out/SeeMe.LocalServer beside
    /// out/SeeMe/&lt;version&gt;, or SeeMe.Server.dll beside the module in a build output).
    /// </summary>
    public static class LocalServerLocator
    {
        public const string ToolCommand = "seeme-local-server";
        public const string EnvironmentVariable = "SEEME_LOCAL_SERVER";
        public const string InstallCommand = "dotnet tool install --global SeeMe.LocalServer";
        private const string ServerDll = "SeeMe.Server.dll";

        /// <summary>
        /// The server to run (a .dll for the dotnet host, or an executable). <paramref name="path"/> is already a
        /// file-system path; <paramref name="environment"/> reads SEEME_LOCAL_SERVER and PATH (Environment.GetEnvironmentVariable).
        /// </summary>
        public static string Find(string? path, string moduleFolder, Func<string, string?> environment)
        {
            if (path != null) return InGiven(path, "-Path");
            var fromEnvironment = environment(EnvironmentVariable);
            if (!string.IsNullOrEmpty(fromEnvironment)) return InGiven(fromEnvironment!, "$env:" + EnvironmentVariable);
            return OnPath(environment("PATH")) ?? StagedByBuild(moduleFolder) ?? throw new FileNotFoundException(
                $"The SeeMe local server is not installed. Install it with: {InstallCommand} " +
                $"(or pass -Path, or set $env:{EnvironmentVariable} to the server).");
        }

        /// <summary>A file, or a folder holding SeeMe.Server.dll or the tool's executable; anything else is an error, never skipped.</summary>
        private static string InGiven(string path, string source)
        {
            if (File.Exists(path)) return Path.GetFullPath(path);
            var inFolder = Directory.Exists(path)
                ? new[] { ServerDll }.Concat(ExecutableNames()).Select(name => Path.Combine(path, name)).FirstOrDefault(File.Exists)
                : null;
            return inFolder != null
                ? Path.GetFullPath(inFolder)
                : throw new FileNotFoundException($"{source} '{path}' is not the local server: give {ServerDll}, the {ToolCommand} executable, or a folder holding one.", path);
        }

        private static string? OnPath(string? searchPath) =>
            (searchPath ?? "")
                .Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries)
                .SelectMany(folder => ExecutableNames().Select(name => SafeCombine(folder.Trim('"'), name)))
                .FirstOrDefault(candidate => candidate != null && File.Exists(candidate));

        private static string? StagedByBuild(string moduleFolder) =>
            new[]
            {
                Path.Combine(moduleFolder, ServerDll),
                Path.Combine(moduleFolder, "..", "..", "SeeMe.LocalServer", ServerDll),
            }.Where(File.Exists).Select(Path.GetFullPath).FirstOrDefault();

        private static string[] ExecutableNames() =>
            Path.DirectorySeparatorChar == '\\' ? new[] { ToolCommand + ".exe", ToolCommand + ".cmd" } : new[] { ToolCommand };

        private static string? SafeCombine(string folder, string name)
        {
            try { return Path.Combine(folder, name); }
            catch (ArgumentException) { return null; } // a PATH entry with characters a path cannot hold
        }
    }
}
