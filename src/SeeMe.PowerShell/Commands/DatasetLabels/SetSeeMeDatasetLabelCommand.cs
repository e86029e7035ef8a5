using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.DatasetLabels
{
    /// <summary>
    /// <para type="synopsis">Changes a label's name, description, colour or shortcut.</para>
    /// <para type="description">The label comes from the pipeline (-Label) or by -DatasetId, -DatasetVersionId and -Id. Only the parameters given change. -PassThru outputs the updated label.</para>
    /// <example><code>Set-SeeMeDatasetLabel -DatasetId $ds -DatasetVersionId $dv -Id $labelId -Color '#00ff00'</code><para>Changes a label's colour.</para></example>
    /// <example><code>Get-SeeMeDatasetVersion -DatasetId $ds -Latest | Get-SeeMeDatasetLabel -Name kat | Set-SeeMeDatasetLabel -Name cat -PassThru</code><para>Renames the label kat to cat.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeDatasetLabel", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(DatasetLabel))]
    public sealed class SetSeeMeDatasetLabelCommand : SetVersionChildCmdlet<DatasetLabel>
    {
        /// <summary><para type="description">The label (from Get-SeeMeDatasetLabel); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = ObjectSet)]
        [ValidateNotNull]
        public DatasetLabel? Label { get; set; }

        /// <summary><para type="description">The new colour: "#rgb", "#rrggbb" or "#rrggbbaa" (any case; kept as written).</para></summary>
        [Parameter]
        [ValidatePattern(NewSeeMeDatasetLabelCommand.ColorPattern)]
        public string? Color { get; set; }

        /// <summary><para type="description">The new keyboard shortcut.</para></summary>
        [Parameter]
        public string? Shortcut { get; set; }

        protected override DatasetLabel? InputObject => Label;
        protected override string VersionIdOf(DatasetLabel entity) => entity.DatasetVersionId;
        protected override Task<DatasetLabel> GetAsync(VersionIds version, string id, CancellationToken ct) => Client.Labels.GetAsync(version.DatasetId, version.VersionId, id, ct);
        protected override Task<DatasetLabel> PutAsync(VersionIds version, DatasetLabel entity, CancellationToken ct) => Client.Labels.UpdateAsync(version.DatasetId, version.VersionId, entity, ct);

        protected override void EditMore(DatasetLabel label)
        {
            if (Color != null) label.Color = Color;
            if (Shortcut != null) label.Shortcut = Shortcut;
        }
    }
}
