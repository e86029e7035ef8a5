using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using System.Security;

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

        internal SeeMeLocalServer(Process process, Uri baseUri, string username, SecureString apiKey, string dataPath)
        {
            Process = process;
            ProcessId = process.Id;
            BaseUri = baseUri;
            Username = username;
            ApiKey = apiKey;
            DataPath = dataPath;
            StartedAt = DateTimeOffset.Now;
        }

        public int ProcessId { get; }
        public Uri BaseUri { get; }
        public string Username { get; }
        public SecureString ApiKey { get; }
        public string DataPath { get; }
        public DateTimeOffset StartedAt { get; }
        public bool IsRunning => !Process.HasExited;

        internal Process Process { get; }

        public override string ToString() => $"{Username}@{BaseUri}";

        /// <summary>The servers started in the current runspace and not stopped yet.</summary>
        internal static List<SeeMeLocalServer> Started =>
            StartedByRunspace.GetValue(Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace."), _ => new List<SeeMeLocalServer>());
    }
}
