using System.Management.Automation;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Base of the cmdlets that work inside one dataset version (on the version itself, or on one of its splits,
    /// labels or items), given in one of two parameter sets: an object from the pipeline (<see cref="ObjectSet"/>,
    /// declared by the next base: <see cref="DatasetVersionCmdlet"/>, <see cref="ItemCmdlet"/>,
    /// <see cref="VersionChildCmdlet{T}"/>) or the mandatory -DatasetId and -DatasetVersionId (<see cref="IdsSet"/>),
    /// which bind by property name (DatasetVersionId also from VersionId, so labels and splits pipe on).
    /// A command with sets of its own (List and Id, Path and LiteralPath) overrides the version
    /// parameters to put them in each of its sets; see GetSeeMeDatasetItemCommand.
    /// Finding the version's splits and labels is <see cref="SeeMeCmdlet"/>'s (SeeMeCmdlet.VersionLookups.cs).
    /// </summary>
    public abstract class VersionScopedCmdlet : SeeMeCmdlet
    {
        protected const string ObjectSet = "Object";
        protected const string IdsSet = "Ids";

        // The sets of the commands that take a file by -Path or -LiteralPath, each with the object or the ids.
        protected const string PathSet = "Path";
        protected const string PathByIdsSet = PathSet + IdsSet;
        protected const string LiteralPathSet = "LiteralPath";
        protected const string LiteralPathByIdsSet = LiteralPathSet + IdsSet;

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

        /// <summary>The dataset and version ids the command was given (empty ids count as not given).</summary>
        protected VersionIds? GivenVersion =>
            IdsFromObject ?? (DatasetId == null || DatasetVersionId == null ? (VersionIds?)null : new VersionIds(DatasetId, DatasetVersionId));

        /// <summary>The version to work in (see <see cref="SeeMeCmdlet.LocateVersion(VersionIds?)"/>).</summary>
        protected VersionIds LocateVersion() => LocateVersion(GivenVersion);

        protected override void NameReferences(object? output) => NameVersionReferences(output, GivenVersion);
    }
}
