using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Completes names fetched from the server: prefix match ignoring case, quoted when needed,
    /// within a short time budget, cached briefly per session. No session or a slow or failing
    /// server means no suggestions, never an error.
    /// </summary>
    public abstract class NameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
        private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<string> Names)> Cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<string>)>();

        /// <summary>Fetches the candidate names (models, datasets, ...).</summary>
        protected abstract Task<IEnumerable<string>> FetchAsync(SeeMeClient client, CancellationToken cancellationToken);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = SeeMeSession.Current;
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Names(session)
                .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
                .Select(n => new CompletionResult(Quote(n), n, CompletionResultType.ParameterValue, n));
        }

        /// <summary>Completes from a fixed list (asset types, formats, application types).</summary>
        public static IEnumerable<CompletionResult> FromList(IEnumerable<string> values, string wordToComplete)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return values.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, v));
        }

        private IReadOnlyList<string> Names(SeeMeSession session)
        {
            var key = GetType().FullName + "|" + session.BaseUri + "|" + session.Username;
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < CacheFor) return cached.Names;
            try
            {
                using var cancellation = new CancellationTokenSource(Budget);
                var task = FetchAsync(session.Client, cancellation.Token);
                if (!task.Wait(Budget)) return Array.Empty<string>();
                var names = task.Result.Where(n => !string.IsNullOrEmpty(n)).Distinct().ToList();
                Cache[key] = (DateTime.UtcNow, names);
                return names;
            }
            catch (Exception)
            {
                return Array.Empty<string>();
            }
        }

        private static string Quote(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) >= 0
                ? "'" + value.Replace("'", "''") + "'"
                : value;
    }

    /// <summary>Completes model names.</summary>
    public sealed class ModelNameCompleter : NameCompleter
    {
        protected override async Task<IEnumerable<string>> FetchAsync(SeeMeClient client, CancellationToken cancellationToken) =>
            (await client.Models.GetAllAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Name);
    }

    /// <summary>Completes dataset names.</summary>
    public sealed class DatasetNameCompleter : NameCompleter
    {
        protected override async Task<IEnumerable<string>> FetchAsync(SeeMeClient client, CancellationToken cancellationToken) =>
            (await client.Datasets.GetAllAsync(cancellationToken).ConfigureAwait(false)).Select(d => d.Name);
    }
}
