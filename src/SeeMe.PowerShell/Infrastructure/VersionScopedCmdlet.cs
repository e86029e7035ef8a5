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
    /// annotations, and the version itself): finds the version the command was given (see
    /// <see cref="GivenVersion"/>) and resolves -Split / -Label given as an object, an id or a name.
    /// Declares no parameters: <see cref="VersionObjectOrIdsCmdlet"/> adds the version's.
    /// </summary>
    public abstract class VersionScopedCmdlet : SeeMeCmdlet
    {
        private readonly Dictionary<string, IReadOnlyList<DatasetVersionChild>> _childrenByVersion = new Dictionary<string, IReadOnlyList<DatasetVersionChild>>();

        /// <summary>The dataset and version ids the command was given (empty ids count as not given).</summary>
        protected abstract VersionIds? GivenVersion { get; }

        /// <summary>
        /// The version to work in. The parameter sets make the object or the ids mandatory, so this
        /// stops the command only when the object given carries no ids (built by hand, say).
        /// </summary>
        protected VersionIds LocateVersion()
        {
            if (GivenVersion is VersionIds given && given.DatasetId.Length > 0 && given.VersionId.Length > 0) return given;
            StopWithInvalidArgument(MissingVersionAdvice(), "DatasetVersionRequired", null);
            throw new InvalidOperationException(); // not reached
        }

        /// <summary>What to give instead, in this command's own parameters: its piped object, or the ids.</summary>
        private string MissingVersionAdvice()
        {
            var parameters = MyInvocation.MyCommand.Parameters;
            var piped = parameters.Values
                .FirstOrDefault(p => p.ParameterSets.Values.Any(set => set.ValueFromPipeline) && p.ParameterType != typeof(string));
            var ids = !parameters.ContainsKey("DatasetId") ? null
                : parameters.ContainsKey("Id") && !(piped?.Name == "DatasetVersion") ? "-DatasetId, -DatasetVersionId and -Id" : "both -DatasetId and -DatasetVersionId";
            if (piped == null) return $"Give the dataset version: pass {ids}.";
            var article = "AEIOU".IndexOf(piped.ParameterType.Name[0]) >= 0 ? "an" : "a";
            var pipe = $"Give the dataset version: pipe in {article} {piped.ParameterType.Name} or pass -{piped.Name}";
            return ids == null ? pipe + " that carries its DatasetId and DatasetVersionId." : $"{pipe}, or pass {ids}.";
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
            ResolveChildId(version, label, "DatasetLabel", LabelsOf);

        /// <summary>
        /// Label and split names next to the ids of the items, annotations and label statistics the command
        /// writes, from the version's labels and splits (fetched once per command, and only when needed). Should
        /// that fetch fail, the objects are written with their ids alone.
        /// </summary>
        protected override void NameReferences(object? output)
        {
            switch (output)
            {
                case DatasetItem item when item.Annotations.Count > 0:
                    NamesOf(new VersionIds(item.DatasetId, item.DatasetVersionId), withSplits: false)?.Apply(item);
                    break;
                case Annotation annotation:
                    NamesOf(new VersionIds(annotation.DatasetId, annotation.DatasetVersionId), withSplits: true)?.Apply(annotation);
                    break;
                case LabelStat stat when GivenVersion is VersionIds version:
                    NamesOf(version, withSplits: true)?.Apply(stat);
                    break;
            }
        }

        private VersionNames? NamesOf(VersionIds version, bool withSplits)
        {
            if (version.DatasetId.Length == 0 || version.VersionId.Length == 0) return null;
            try
            {
                var labels = Fetched(version, "DatasetLabel", LabelsOf).Cast<DatasetLabel>();
                var splits = withSplits ? Fetched(version, "DatasetSplit", SplitsOf).Cast<DatasetSplit>() : Enumerable.Empty<DatasetSplit>();
                return new VersionNames(labels, splits);
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                WriteVerbose($"Label and split names are left out: reading them failed ({e.Message}).");
                return null;
            }
        }

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

        /// <summary>The version's splits (fetched once per command); a failed fetch is written as a per-item error and false returned.</summary>
        protected bool TryGetSplits(VersionIds version, out List<DatasetSplit> splits)
        {
            try
            {
                splits = Fetched(version, "DatasetSplit", SplitsOf).Cast<DatasetSplit>().ToList();
                return true;
            }
            catch (Exception e) when (IsItemFailure(e))
            {
                WriteFailure(e, version.VersionId);
                splits = new List<DatasetSplit>();
                return false;
            }
        }

        private Task<List<DatasetSplit>> SplitsOf(VersionIds ids, CancellationToken ct) => Client.Splits.GetAllAsync(ids.DatasetId, ids.VersionId, ct);

        private Task<List<DatasetLabel>> LabelsOf(VersionIds ids, CancellationToken ct) => Client.Labels.GetAllAsync(ids.DatasetId, ids.VersionId, ct);

        /// <summary>The version's splits or labels, fetched once per command (a failed fetch stops it).</summary>
        private IReadOnlyList<DatasetVersionChild> Children<T>(VersionIds version, string kind, Func<VersionIds, CancellationToken, Task<List<T>>> fetch, string target)
            where T : DatasetVersionChild
            => StopOnFailure(() => Fetched(version, kind, fetch), target);

        /// <summary>The version's splits or labels, fetched once per command (a failed fetch throws, and is tried again next time).</summary>
        private IReadOnlyList<DatasetVersionChild> Fetched<T>(VersionIds version, string kind, Func<VersionIds, CancellationToken, Task<List<T>>> fetch)
            where T : DatasetVersionChild
        {
            var key = kind + "|" + version.VersionId;
            if (!_childrenByVersion.TryGetValue(key, out var children))
                _childrenByVersion[key] = children = Run(ct => fetch(version, ct)).Cast<DatasetVersionChild>().ToList();
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
    /// A <see cref="VersionScopedCmdlet"/> given the version (or a child of it) in one of two
    /// parameter sets: an object from the pipeline (<see cref="ObjectSet"/>, declared by the
    /// subclass) or the mandatory -DatasetId and -DatasetVersionId (<see cref="IdsSet"/>), which bind
    /// by property name (DatasetVersionId also from VersionId, so labels and splits pipe on).
    /// A command with sets of its own (List and Id, Path and LiteralPath) overrides the version
    /// parameters to put them in each of its sets; see GetSeeMeDatasetItemCommand.
    /// </summary>
    public abstract class VersionObjectOrIdsCmdlet : VersionScopedCmdlet
    {
        protected const string ObjectSet = "Object";
        protected const string IdsSet = "Ids";

        /// <summary><para type="description">The dataset's id (with -DatasetVersionId, instead of an object). Binds from the pipeline by property name.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdsSet)]
        [ValidateNotNullOrEmpty]
        public virtual string? DatasetId { get; set; }

        /// <summary><para type="description">The dataset version's id (with -DatasetId). Binds from the pipeline by property name (splits, labels, items and annotations carry it); alias VersionId.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdsSet)]
        [Alias("VersionId")]
        [ValidateNotNullOrEmpty]
        public virtual string? DatasetVersionId { get; set; }

        /// <summary>The ids carried by the object the command was given (null in the ids set).</summary>
        protected abstract VersionIds? IdsFromObject { get; }

        protected override VersionIds? GivenVersion =>
            IdsFromObject ?? (DatasetId == null || DatasetVersionId == null ? (VersionIds?)null : new VersionIds(DatasetId, DatasetVersionId));
    }

    /// <summary>
    /// A <see cref="VersionObjectOrIdsCmdlet"/> on the version itself, which comes as the
    /// -DatasetVersion object from the pipeline: <c>Get-SeeMeDatasetVersion | Get-SeeMeDatasetItem</c>.
    /// </summary>
    public abstract class DatasetVersionCmdlet : VersionObjectOrIdsCmdlet
    {
        /// <summary><para type="description">The dataset version: an object (from Get-SeeMeDatasetVersion), its id, or its exact name when no other version you can see has it; binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [EntityFromId(typeof(DatasetVersion))]
        [ArgumentCompleter(typeof(DatasetVersionNameCompleter))]
        [ValidateNotNull]
        public virtual DatasetVersion? DatasetVersion { get; set; }

        /// <summary>The ids of the -DatasetVersion given; one given by id or name is first found (and stands in for it from then on).</summary>
        protected override VersionIds? IdsFromObject
        {
            get
            {
                if (DatasetVersion == null) return null;
                DatasetVersion = ReferenceOrStop(DatasetVersion, lookUpIds: true)!; // its dataset is not known yet: found among those the user can see
                return new VersionIds(DatasetVersion.DatasetId, DatasetVersion.Id);
            }
        }

        /// <summary>The version: the one given, or fetched by id (a failed fetch is written and false returned).</summary>
        protected bool TryGetDatasetVersion(out DatasetVersion version)
        {
            var ids = LocateVersion();
            return TryFetch(DatasetVersion, ids.VersionId, (id, ct) => Client.DatasetVersions.GetAsync(ids.DatasetId, id, ct), out version);
        }
    }
}
