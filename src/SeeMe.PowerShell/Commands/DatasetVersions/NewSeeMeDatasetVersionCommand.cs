using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetVersions
{
    /// <summary>
    /// <para type="synopsis">Creates a new, empty version of a SeeMe dataset.</para>
    /// <para type="description">Creates a version in the dataset piped in (-Dataset) or given by -DatasetId. To start from a copy of an existing version use Copy-SeeMeDatasetVersion; to fill it from a zip or folder use Import-SeeMeDatasetVersion.</para>
    /// <example><code>New-SeeMeDatasetVersion -DatasetId $id -Name v2 -Description 'Relabelled'</code><para>Creates the version v2.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | New-SeeMeDatasetVersion -Name v2 | Import-SeeMeDatasetVersion -Path ./data</code><para>Creates a version and imports the folder ./data into it.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeDatasetVersion", SupportsShouldProcess = true, DefaultParameterSetName = DatasetSet)]
    [OutputType(typeof(DatasetVersion))]
    public sealed class NewSeeMeDatasetVersionCommand : DatasetScopedCmdlet
    {
        /// <summary><para type="description">The new version's name.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">What changed in this version.</para></summary>
        [Parameter]
        public string Description { get; set; } = "";

        protected override void ProcessRecord()
        {
            var datasetId = LocateDatasetId();
            var version = new DatasetVersion { Name = Name, Description = Description, DatasetId = datasetId };
            if (!ShouldProcess(Describe("DatasetVersion", version) + $" in dataset {datasetId}", "Create")) return;
            if (TryRun(ct => Client.DatasetVersions.CreateAsync(datasetId, version, ct), datasetId, out var created)) WriteObject(created);
        }
    }
}
