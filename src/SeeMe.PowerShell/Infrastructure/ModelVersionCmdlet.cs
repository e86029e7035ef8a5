using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell
{
    /// <summary>
    /// Base of the cmdlets that act on one model version: -Version (from Get-SeeMeModelVersion, by
    /// pipeline) or -ModelId with -VersionId (alias Id), both by property name.
    /// </summary>
    public abstract class ModelVersionCmdlet : SeeMeCmdlet
    {
        protected const string VersionSet = "Version";
        protected const string IdSet = "Id";

        /// <summary><para type="description">The version (from Get-SeeMeModelVersion).</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = VersionSet)]
        public ModelVersion? Version { get; set; }

        /// <summary><para type="description">The model's id.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [ValidateNotNullOrEmpty]
        public string? ModelId { get; set; }

        /// <summary><para type="description">The version's id.</para></summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        public string? VersionId { get; set; }

        /// <summary>The version given, fetched when only its ids are known (a failed fetch is written and false returned).</summary>
        protected bool TryGetModelVersion(out ModelVersion version) => TryGetModelVersion(Version, ModelId, VersionId, out version);
    }
}
