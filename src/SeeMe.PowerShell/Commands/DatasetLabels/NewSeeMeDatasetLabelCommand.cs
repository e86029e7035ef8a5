using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetLabels
{
    /// <summary>
    /// <para type="synopsis">Creates labels (classes) in a dataset version.</para>
    /// <para type="description">Creates one label per -Name in the version piped in (-DatasetVersion) or given by -DatasetId with -DatasetVersionId, and outputs them. The server assigns each label's Index.</para>
    /// <example><code>New-SeeMeDatasetLabel -DatasetId $ds -DatasetVersionId $dv -Name robin -Color '#d2691e' -Shortcut r</code><para>Creates the label robin with a colour and a keyboard shortcut.</para></example>
    /// <example><code>New-SeeMeDataset -Name Pets | Get-SeeMeDatasetVersion | New-SeeMeDatasetLabel -Name cat, dog</code><para>Creates a dataset and the labels cat and dog in its first version.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeDatasetLabel", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetLabel))]
    public sealed class NewSeeMeDatasetLabelCommand : DatasetVersionCmdlet
    {
        /// <summary>The colour forms the service accepts: "#rgb", "#rgba", "#rrggbb", "#rrggbbaa", any case.</summary>
        internal const string ColorPattern = "^#([0-9A-Fa-f]{3,4}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$";

        /// <summary><para type="description">The colour: "#rgb", "#rrggbb" or "#rrggbbaa" (any case; kept as written).</para></summary>
        [Parameter]
        [ValidatePattern(ColorPattern)]
        public string Color { get; set; } = "";

        /// <summary><para type="description">The annotation tool's keyboard shortcut.</para></summary>
        [Parameter]
        public string Shortcut { get; set; } = "";

        /// <summary><para type="description">The names of the ones to create.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string[] Name { get; set; } = new string[0];

        /// <summary><para type="description">What it is for.</para></summary>
        [Parameter]
        public string Description { get; set; } = "";

        protected override void ProcessRecord() => CreateChildren(Client.Labels, Name, Description, Build);

        private DatasetLabel Build(string name, VersionIds version) =>
            new DatasetLabel { Name = name, Color = Color, Shortcut = Shortcut, DatasetVersionId = version.DatasetVersionId, DatasetId = version.DatasetId };
    }
}
