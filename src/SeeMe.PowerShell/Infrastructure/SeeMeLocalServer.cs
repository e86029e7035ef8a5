using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Security;
using SeeMe.Core.LocalServer;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// A local SeeMe server started by Start-SeeMeLocalServer. Pipe it to Connect-SeeMe: BaseUri,
    /// Username and ApiKey bind by property name. The key is a SecureString, so printing the
    /// object never shows it.
    /// </summary>
    public sealed class SeeMeLocalServer
    {
        private static readonly ConditionalWeakTable<Runspace, List<SeeMeLocalServer>> StartedByRunspace =
            new ConditionalWeakTable<Runspace, List<SeeMeLocalServer>>();

        private volatile bool _stoppedByCommand;

        internal SeeMeLocalServer(LocalServerProcess process, string username, SecureString apiKey, string dataPath, bool dataIsTemporary,
            bool keepRunning, string? sampleImagesPath)
        {
            Process = process;
            ProcessId = process.Id;
            BaseUri = process.BaseUri;
            Username = username;
            ApiKey = apiKey;
            DataPath = dataPath;
            DataIsTemporary = dataIsTemporary;
            KeepRunning = keepRunning;
            SampleImagesPath = sampleImagesPath;
            StartedAt = DateTimeOffset.Now;
        }

        public int ProcessId { get; }
        public Uri BaseUri { get; }
        public string Username { get; }
        public SecureString ApiKey { get; }
        public string DataPath { get; }

        /// <summary>True when Start-SeeMeLocalServer created DataPath (no -DataPath): the folder is removed when the server stops.</summary>
        public bool DataIsTemporary { get; }

        /// <summary>True when started with -KeepRunning: the server outlives the PowerShell that started it.</summary>
        public bool KeepRunning { get; }

        /// <summary>With -SampleData: the folder of sample images to pipe into Invoke-SeeMePrediction; otherwise null.</summary>
        public string? SampleImagesPath { get; }

        public DateTimeOffset StartedAt { get; }
        public bool IsRunning => !Process.HasExited;

        internal LocalServerProcess Process { get; }

        public override string ToString() => $"{Username}@{BaseUri}";

        /// <summary>Ends the server and removes its data folder if it was temporary; false when that folder could not be removed.</summary>
        internal bool Stop()
        {
            _stoppedByCommand = true;
            Process.Stop();
            return !DataIsTemporary || DeleteDataFolder();
        }

        /// <summary>Why calls to this server cannot be answered any more, and what to do.</summary>
        internal LocalServerStoppedException StoppedError()
        {
            var why = _stoppedByCommand ? "was stopped by Stop-SeeMeLocalServer" : $"has exited{ExitCodeText()}";
            return new LocalServerStoppedException($"The local server at {BaseUri} (process {ProcessId}) {why}, so it cannot answer.");
        }

        /// <summary>The servers started in the current runspace and not stopped by Stop-SeeMeLocalServer (one that exited on its own included).</summary>
        internal static List<SeeMeLocalServer> Started =>
            StartedByRunspace.GetValue(Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace."), _ => new List<SeeMeLocalServer>());

        /// <summary>
        /// The running server the current runspace started at <paramref name="baseUri"/>, or null. One that is gone is not
        /// matched: another server may listen at its address now.
        /// </summary>
        internal static SeeMeLocalServer? FindRunning(Uri baseUri) =>
            Runspace.DefaultRunspace == null ? null : Started.LastOrDefault(s => s.IsRunning && SameApiRoot(s.BaseUri, baseUri));

        private static bool SameApiRoot(Uri a, Uri b) =>
            string.Equals(a.AbsoluteUri.TrimEnd('/'), b.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

        private string ExitCodeText()
        {
            try
            {
                return Process.Process.HasExited ? $" with code {Process.Process.ExitCode}" : "";
            }
            catch (InvalidOperationException)
            {
                return "";
            }
        }

        private bool DeleteDataFolder()
        {
            try
            {
                if (Directory.Exists(DataPath)) Directory.Delete(DataPath, recursive: true);
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    /// <summary>A call to a local server that this session started and that has stopped since (ErrorId LocalServerStopped).</summary>
    public sealed class LocalServerStoppedException : InvalidOperationException
    {
        public LocalServerStoppedException(string message) : base(message)
        {
        }
    }
}
