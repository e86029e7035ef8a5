using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>The dataset and version ids a command works in.</summary>
    public readonly struct VersionIds
    {
        public VersionIds(string datasetId, string versionId)
        {
            DatasetId = datasetId;
            VersionId = versionId;
        }

        public string DatasetId { get; }
        public string VersionId { get; }
    }

    /// <summary>
    /// Base of the cmdlets that work inside one dataset version (splits, labels, items,
    /// annotations, and the version itself). The version comes from an object (the piped version,
    /// label, split or item: see <see cref="IdsFromObject"/>) or from -DatasetId with
    /// -DatasetVersionId, which bind by property name (VersionId too, so labels and splits pipe on).
    /// Also resolves -Split / -Label given as an object, an id or a name.
    /// </summary>
    public abstract class VersionScopedCmdlet : SeeMeCmdlet
    {
        private readonly Dictionary<string, IReadOnlyList<DatasetVersionChild>> _childrenByVersion = new Dictionary<string, IReadOnlyList<DatasetVersionChild>>();

        /// <summary><para type="description">The dataset's id (with -DatasetVersionId, instead of a version object). Binds from the pipeline by property name.</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? DatasetId { get; set; }

        /// <summary><para type="description">The dataset version's id (with -DatasetId). Binds from the pipeline by property name, also from VersionId (labels, splits).</para></summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("VersionId")]
        public string? DatasetVersionId { get; set; }

        /// <summary>The ids carried by the object the command was given, if any (it wins over -DatasetId/-DatasetVersionId).</summary>
        protected virtual VersionIds? IdsFromObject => null;

        /// <summary>The version to work in; stops the command when neither an object nor both ids were given.</summary>
        protected VersionIds LocateVersion()
        {
            if (IdsFromObject is VersionIds fromObject && fromObject.DatasetId.Length > 0 && fromObject.VersionId.Length > 0) return fromObject;
            if (!string.IsNullOrEmpty(DatasetId) && !string.IsNullOrEmpty(DatasetVersionId)) return new VersionIds(DatasetId!, DatasetVersionId!);
            StopWithInvalidArgument(MissingVersionAdvice(), "DatasetVersionRequired", null);
            throw new InvalidOperationException(); // not reached
        }

        /// <summary>What to give instead, in this command's own parameters: its piped object, or the ids.</summary>
        private string MissingVersionAdvice()
        {
            var piped = MyInvocation.MyCommand.Parameters.Values
                .FirstOrDefault(p => p.ParameterSets.Values.Any(set => set.ValueFromPipeline) && p.ParameterType != typeof(string));
            var ids = MyInvocation.MyCommand.Parameters.ContainsKey("Id") && !(piped?.Name == "DatasetVersion") ? "-DatasetId, -DatasetVersionId and -Id" : "both -DatasetId and -DatasetVersionId";
            return piped == null
                ? $"Give the dataset version: pass {ids}."
                : $"Give the dataset version: pipe in a {piped.ParameterType.Name} or pass -{piped.Name}, or pass {ids}.";
        }

        /// <summary>A split given as an object, an id or a name (case-insensitive) → its id; null when not given.</summary>
        protected string? ResolveSplitId(VersionIds version, string? split) =>
            ResolveChildId(version, split, "DatasetSplit", SplitsOf);

        /// <summary>
        /// A split given as an object, an id or a name → the whole split as the server has it (the
        /// version's splits are fetched once per command); null when not given. Items are sent with
        /// these, as the SDK sends them, never with stubs.
        /// </summary>
        protected DatasetSplit? ResolveSplit(VersionIds version, string? split)
        {
            if (string.IsNullOrEmpty(split)) return null;
            var match = Children(version, "DatasetSplit", SplitsOf, split!).Cast<DatasetSplit>()
                .FirstOrDefault(s => s.Id == split || string.Equals(s.Name, split, StringComparison.OrdinalIgnoreCase));
            return match ?? throw NoSuchChild(version, "DatasetSplit", split!);
        }

        /// <summary>A label given as an object, an id or a name (case-insensitive) → its id; null when not given.</summary>
        protected string? ResolveLabelId(VersionIds version, string? label) =>
            ResolveChildId(version, label, "DatasetLabel", (ids, ct) => Client.Labels.GetAllAsync(ids.DatasetId, ids.VersionId, ct));

        /// <summary>
        /// Ids (UUIDs) pass through; anything else is looked up by name among the version's
        /// splits or labels (fetched once per version). An unknown name stops the command.
        /// </summary>
        private string? ResolveChildId<T>(VersionIds version, string? value, string kind, Func<VersionIds, CancellationToken, Task<List<T>>> fetch)
            where T : DatasetVersionChild
        {
            if (string.IsNullOrEmpty(value)) return null;
            if (Guid.TryParse(value, out _)) return value;
            var match = Children(version, kind, fetch, value!).FirstOrDefault(c => string.Equals(c.Name, value, StringComparison.OrdinalIgnoreCase));
            return match?.Id ?? throw NoSuchChild(version, kind, value!);
        }

        private Task<List<DatasetSplit>> SplitsOf(VersionIds ids, CancellationToken ct) => Client.Splits.GetAllAsync(ids.DatasetId, ids.VersionId, ct);

        /// <summary>The version's splits or labels, fetched once per command (a failed fetch stops it).</summary>
        private IReadOnlyList<DatasetVersionChild> Children<T>(VersionIds version, string kind, Func<VersionIds, CancellationToken, Task<List<T>>> fetch, string target)
            where T : DatasetVersionChild
        {
            var key = kind + "|" + version.VersionId;
            if (!_childrenByVersion.TryGetValue(key, out var children))
                _childrenByVersion[key] = children = RunOrStop(ct => fetch(version, ct), target).Cast<DatasetVersionChild>().ToList();
            return children;
        }

        private Exception NoSuchChild(VersionIds version, string kind, string value)
        {
            var missing = new ItemNotFoundException($"The dataset version {version.VersionId} has no {kind.Substring(7).ToLowerInvariant()} named '{value}'.");
            ThrowTerminatingError(ErrorRecords.From(missing, kind, value));
            return missing; // not reached
        }
    }

    /// <summary>
    /// A <see cref="VersionScopedCmdlet"/> that takes the version object from the pipeline:
    /// <c>Get-SeeMeDatasetVersion | Get-SeeMeDatasetItem</c>.
    /// </summary>
    public abstract class DatasetVersionCmdlet : VersionScopedCmdlet
    {
        /// <summary><para type="description">The dataset version (from Get-SeeMeDatasetVersion); binds from the pipeline.</para></summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public DatasetVersion? DatasetVersion { get; set; }

        protected override VersionIds? IdsFromObject =>
            DatasetVersion == null ? (VersionIds?)null : new VersionIds(DatasetVersion.DatasetId, DatasetVersion.Id);

        /// <summary>The version: the one given, or fetched by id (a failed fetch is written and false returned).</summary>
        protected bool TryGetDatasetVersion(out DatasetVersion version)
        {
            var ids = LocateVersion();
            return TryFetch(DatasetVersion, ids.VersionId, (id, ct) => Client.DatasetVersions.GetAsync(ids.DatasetId, id, ct), out version);
        }
    }
}
