using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetSplits
{
    /// <summary>
    /// <para type="synopsis">Creates splits in a dataset version.</para>
    /// <para type="description">Creates one split per -Name in the version piped in (-DatasetVersion) or given by -DatasetId with -DatasetVersionId, and outputs them.</para>
    /// <example><code>New-SeeMeDatasetSplit -DatasetId $ds -DatasetVersionId $dv -Name holdout -Description 'Never trained on'</code><para>Creates the split holdout.</para></example>
    /// <example><code>Get-SeeMeDataset -Name Birds | Get-SeeMeDatasetVersion -Latest | New-SeeMeDatasetSplit -Name train, valid</code><para>Creates the splits train and valid in the latest version.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeDatasetSplit", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetSplit))]
    public sealed class NewSeeMeDatasetSplitCommand : DatasetVersionCmdlet
    {
        /// <summary><para type="description">The names of the ones to create.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary><para type="description">What it is for.</para></summary>
        [Parameter]
        public string Description { get; set; } = "";

        protected override void ProcessRecord() => CreateChildren(Client.Splits, Name, Description, Build);

        private static DatasetSplit Build(string name, VersionIds version) =>
            new DatasetSplit { Name = name, DatasetVersionId = version.DatasetVersionId, DatasetId = version.DatasetId };
    }
}
