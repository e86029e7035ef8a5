using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using SeeMe.Core;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// A connection made by Connect-SeeMe. It holds the client (and so the key) internally and
    /// shows only who and where: printing or serialising a session never reveals the API key.
    /// </summary>
    public sealed class SeeMeSession
    {
        private static readonly ConditionalWeakTable<Runspace, SeeMeSession> CurrentByRunspace = new ConditionalWeakTable<Runspace, SeeMeSession>();

        internal SeeMeSession(SeeMeClient client, string username, string? userId, IReadOnlyList<Application> applications)
        {
            Client = client;
            Username = username;
            UserId = userId ?? "";
            Applications = applications;
            ConnectedAt = DateTimeOffset.Now;
        }

        public Uri BaseUri => Client.BaseUri;
        public string Username { get; }
        public string UserId { get; }
        public DateTimeOffset ConnectedAt { get; }

        /// <summary>
        /// Requests a per-item command (Invoke-SeeMePrediction, New-SeeMeDatasetItem, ...) keeps in flight when
        /// it has no -ThrottleLimit of its own. 6 by default: as many connections as a browser opens to one host
        /// (which services and their rate limits expect), and enough to hide most of a remote round trip.
        /// </summary>
        public int ThrottleLimit { get; internal set; } = DefaultThrottleLimit;

        public const int DefaultThrottleLimit = 6;

        /// <summary>Retries after a failed request (Connect-SeeMe -MaximumRetryCount).</summary>
        public int MaximumRetryCount => Client.Options.MaximumRetryCount;

        /// <summary>The first wait before a retry, in seconds (Connect-SeeMe -RetryIntervalSec).</summary>
        public double RetryIntervalSec => Client.Options.RetryInterval.TotalSeconds;

        /// <summary>The longest wait between attempts, in seconds (Connect-SeeMe -MaximumRetryDelaySec).</summary>
        public double MaximumRetryDelaySec => Client.Options.MaximumRetryDelay.TotalSeconds;

        /// <summary>Seconds without a byte moving before a request fails; 0 = never (Connect-SeeMe -TimeoutSec).</summary>
        public double TimeoutSec => Client.Options.Timeout == System.Threading.Timeout.InfiniteTimeSpan ? 0 : Client.Options.Timeout.TotalSeconds;

        /// <summary>The application catalogue, cached at connect time.</summary>
        public IReadOnlyList<Application> Applications { get; }

        internal SeeMeClient Client { get; }

        /// <summary>The local server this PowerShell started at BaseUri (Start-SeeMeLocalServer), or null: its exit fails calls at once.</summary>
        internal SeeMeLocalServer? LocalServer { get; set; }

        public override string ToString() => $"{Username}@{BaseUri}";

        /// <summary>The session of the current runspace (each runspace has its own), or null.</summary>
        internal static SeeMeSession? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && CurrentByRunspace.TryGetValue(runspace, out var session) ? session : null;
            }
            set
            {
                var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace.");
                CurrentByRunspace.Remove(runspace);
                if (value != null) CurrentByRunspace.Add(runspace, value);
            }
        }
    }
}
