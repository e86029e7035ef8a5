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
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Completes names fetched from the server: prefix match ignoring case, quoted when needed,
    /// within a short time budget, cached briefly per session (and per parent: the model whose versions are
    /// completed, ...). No session or a slow or failing server means no suggestions, never an error.
    /// </summary>
    public abstract class NameCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
        private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<string> Names)> Cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<string>)>();

        /// <summary>Fetches the candidate names (models, datasets, ...), of the <paramref name="parent"/> when the completer has one.</summary>
        protected abstract Task<IEnumerable<string>> FetchAsync(SeeMeClient client, string? parent, CancellationToken cancellationToken);

        /// <summary>
        /// The parent the names belong to, from the command's other parameters (the -Model whose versions are
        /// completed): an object's id, or what was typed (an id or a name). Null by default.
        /// </summary>
        protected virtual string? Parent(IDictionary fakeBoundParameters) => null;

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = SeeMeSession.Current;
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return Names(session, Parent(fakeBoundParameters))
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

        /// <summary>The id, or the text typed, that a bound parameter holds (an entity object or a string); null when unbound.</summary>
        protected static string? IdOrText(IDictionary fakeBoundParameters, params string[] names)
        {
            foreach (var name in names)
            {
                var value = fakeBoundParameters?[name] is PSObject wrapped ? wrapped.BaseObject : fakeBoundParameters?[name];
                if (value is SeeMeEntity entity && entity.Id.Length > 0) return entity.Id;
                if (value is string text && text.Length > 0) return text;
            }
            return null;
        }

        /// <summary>The id of the one entity with this id or exact name among <paramref name="entities"/>; null when none or several.</summary>
        protected static string? IdOf(IEnumerable<NamedEntity> entities, string idOrName)
        {
            var matching = entities.Where(e => e.Id == idOrName || e.Name == idOrName).Take(2).ToList();
            return matching.Count == 1 ? matching[0].Id : null;
        }

        private IReadOnlyList<string> Names(SeeMeSession session, string? parent)
        {
            var key = GetType().FullName + "|" + session.BaseUri + "|" + session.Username + "|" + parent;
            if (Cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.At < CacheFor) return cached.Names;
            try
            {
                using var cancellation = new CancellationTokenSource(Budget);
                var task = FetchAsync(session.Client, parent, cancellation.Token);
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
        protected override async Task<IEnumerable<string>> FetchAsync(SeeMeClient client, string? parent, CancellationToken cancellationToken) =>
            (await client.Models.GetAllAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Name);
    }

    /// <summary>Completes dataset names.</summary>
    public sealed class DatasetNameCompleter : NameCompleter
    {
        protected override async Task<IEnumerable<string>> FetchAsync(SeeMeClient client, string? parent, CancellationToken cancellationToken) =>
            (await client.Datasets.GetAllAsync(cancellationToken).ConfigureAwait(false)).Select(d => d.Name);
    }

    /// <summary>Completes the names of the versions of the -Model given (object, id or name).</summary>
    public sealed class ModelVersionNameCompleter : NameCompleter
    {
        protected override string? Parent(IDictionary fakeBoundParameters) => IdOrText(fakeBoundParameters, "Model", "ModelId");

        protected override async Task<IEnumerable<string>> FetchAsync(SeeMeClient client, string? parent, CancellationToken cancellationToken)
        {
            if (parent == null) return Enumerable.Empty<string>();
            var modelId = IdOf(await client.Models.GetAllAsync(cancellationToken).ConfigureAwait(false), parent);
            return modelId == null ? Enumerable.Empty<string>()
                : (await client.ModelVersions.GetAllAsync(modelId, cancellationToken).ConfigureAwait(false)).Select(v => v.Name);
        }
    }

    /// <summary>Completes dataset version names: of the -Dataset given (object, id or name), else of every dataset.</summary>
    public sealed class DatasetVersionNameCompleter : NameCompleter
    {
        protected override string? Parent(IDictionary fakeBoundParameters) => IdOrText(fakeBoundParameters, "Dataset", "DatasetId");

        protected override async Task<IEnumerable<string>> FetchAsync(SeeMeClient client, string? parent, CancellationToken cancellationToken)
        {
            var datasets = await client.Datasets.GetAllAsync(cancellationToken).ConfigureAwait(false);
            var datasetId = parent == null ? null : IdOf(datasets, parent);
            return datasets.Where(d => datasetId == null || d.Id == datasetId).SelectMany(d => d.Versions).Select(v => v.Name);
        }
    }

    /// <summary>Completes job names (jobs of every type).</summary>
    public sealed class JobNameCompleter : NameCompleter
    {
        protected override async Task<IEnumerable<string>> FetchAsync(SeeMeClient client, string? parent, CancellationToken cancellationToken)
            => (await client.Jobs.GetAllOfEveryTypeAsync(cancellationToken).ConfigureAwait(false)).Select(j => j.Name);
    }
}
