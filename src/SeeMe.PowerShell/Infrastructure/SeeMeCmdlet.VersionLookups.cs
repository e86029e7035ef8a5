using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// How commands that work inside one dataset version find it and its splits and labels: the version they were
    /// given, -Split / -Label given as an object, an id or a name, and the label and split names put next to the ids
    /// of what they write. The version's splits and labels are fetched once per command.
    /// </summary>
    public abstract partial class SeeMeCmdlet
    {
        private readonly Dictionary<string, IReadOnlyList<DatasetVersionChild>> _childrenByVersion = new Dictionary<string, IReadOnlyList<DatasetVersionChild>>();

        /// <summary>
        /// The version to work in. The parameter sets make the object or the ids mandatory, so this
        /// stops the command only when the object given carries no ids (built by hand, say).
        /// </summary>
        protected VersionIds LocateVersion(VersionIds? given)
        {
            if (given is VersionIds ids && ids.DatasetId.Length > 0 && ids.DatasetVersionId.Length > 0) return ids;
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
        /// Label and split names next to the ids of the items, annotations and label statistics (those of
        /// <paramref name="version"/>) the command writes, from the version's labels and splits (fetched once per
        /// command, and only when needed). Should that fetch fail, the objects are written with their ids alone.
        /// </summary>
        protected void NameVersionReferences(object? output, VersionIds? version)
        {
            switch (output)
            {
                case DatasetItem item when item.Annotations.Count > 0:
                    NamesOf(new VersionIds(item.DatasetId, item.DatasetVersionId), withSplits: false)?.Apply(item);
                    break;
                case Annotation annotation:
                    NamesOf(new VersionIds(annotation.DatasetId, annotation.DatasetVersionId), withSplits: true)?.Apply(annotation);
                    break;
                case LabelStat stat when version is VersionIds ids:
                    NamesOf(ids, withSplits: true)?.Apply(stat);
                    break;
            }
        }

        private VersionNames? NamesOf(VersionIds version, bool withSplits)
        {
            if (version.DatasetId.Length == 0 || version.DatasetVersionId.Length == 0) return null;
            try
            {
                var labels = Fetched(version, "DatasetLabel", LabelsOf).Cast<DatasetLabel>();
                var splits = withSplits ? Fetched(version, "DatasetSplit", SplitsOf).Cast<DatasetSplit>() : Enumerable.Empty<DatasetSplit>();
                return new VersionNames(labels, splits);
            }
            catch (Exception e) when (IsWorkFailure(e))
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

        /// <summary>The version's splits (fetched once per command); a failed fetch is written as a per-input error and false returned.</summary>
        protected bool TryGetSplits(VersionIds version, out List<DatasetSplit> splits)
        {
            try
            {
                splits = Fetched(version, "DatasetSplit", SplitsOf).Cast<DatasetSplit>().ToList();
                return true;
            }
            catch (Exception e) when (IsWorkFailure(e))
            {
                WriteFailure(e, version.DatasetVersionId);
                splits = new List<DatasetSplit>();
                return false;
            }
        }

        private Task<List<DatasetSplit>> SplitsOf(VersionIds ids, CancellationToken ct) => Client.Splits.GetAllAsync(ids.DatasetId, ids.DatasetVersionId, ct);

        private Task<List<DatasetLabel>> LabelsOf(VersionIds ids, CancellationToken ct) => Client.Labels.GetAllAsync(ids.DatasetId, ids.DatasetVersionId, ct);

        /// <summary>The version's splits or labels, fetched once per command (a failed fetch stops it).</summary>
        private IReadOnlyList<DatasetVersionChild> Children<T>(VersionIds version, string kind, Func<VersionIds, CancellationToken, Task<List<T>>> fetch, string target)
            where T : DatasetVersionChild
            => StopOnFailure(() => Fetched(version, kind, fetch), target);

        /// <summary>The version's splits or labels, fetched once per command (a failed fetch throws, and is tried again next time).</summary>
        private IReadOnlyList<DatasetVersionChild> Fetched<T>(VersionIds version, string kind, Func<VersionIds, CancellationToken, Task<List<T>>> fetch)
            where T : DatasetVersionChild
        {
            var key = kind + "|" + version.DatasetVersionId;
            if (!_childrenByVersion.TryGetValue(key, out var children))
                _childrenByVersion[key] = children = Run(ct => fetch(version, ct)).Cast<DatasetVersionChild>().ToList();
            return children;
        }

        private Exception NoSuchChild(VersionIds version, string kind, string value)
        {
            var missing = new ItemNotFoundException($"The dataset version {version.DatasetVersionId} has no {kind.Substring(7).ToLowerInvariant()} named '{value}'.");
            ThrowTerminatingError(ErrorRecords.From(missing, kind, value));
            return missing; // not reached
        }
    }
}
