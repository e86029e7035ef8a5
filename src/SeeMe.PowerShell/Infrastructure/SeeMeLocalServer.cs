using System;
using System.Collections.Generic;
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

        internal SeeMeLocalServer(LocalServerProcess process, string username, SecureString apiKey, string dataPath, string? sampleImagesPath)
        {
            Process = process;
            ProcessId = process.Id;
            BaseUri = process.BaseUri;
            Username = username;
            ApiKey = apiKey;
            DataPath = dataPath;
            SampleImagesPath = sampleImagesPath;
            StartedAt = DateTimeOffset.Now;
        }

        public int ProcessId { get; }
        public Uri BaseUri { get; }
        public string Username { get; }
        public SecureString ApiKey { get; }
        public string DataPath { get; }

        /// <summary>With -SampleData: the folder of sample images to pipe into Invoke-SeeMePrediction; otherwise null.</summary>
        public string? SampleImagesPath { get; }

        public DateTimeOffset StartedAt { get; }
        public bool IsRunning => !Process.HasExited;

        internal LocalServerProcess Process { get; }

        public override string ToString() => $"{Username}@{BaseUri}";

        /// <summary>The servers started in the current runspace and not stopped yet.</summary>
        internal static List<SeeMeLocalServer> Started =>
            StartedByRunspace.GetValue(Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace."), _ => new List<SeeMeLocalServer>());
    }
}
