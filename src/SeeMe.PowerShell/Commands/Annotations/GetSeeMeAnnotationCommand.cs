using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Annotations
{
    /// <summary>
    /// <para type="synopsis">Gets the annotations (labels and boxes) of dataset items.</para>
    /// <para type="description">Writes the annotations of each item piped in (-Item) or given by -DatasetId, -DatasetVersionId and -Id. A classification label has empty Coordinates; an object-detection box has "x_center y_center width height" (relative). -Label keeps those of one label (an object, id or name). The annotations carry DatasetId and DatasetVersionId, so they pipe into Set- and Remove-SeeMeAnnotation.</para>
    /// <example><code>Get-SeeMeAnnotation -DatasetId $ds -DatasetVersionId $dv -Id $itemId</code><para>Lists one item's annotations.</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Split train | Get-SeeMeAnnotation -Label robin | Where-Object Coordinates</code><para>Lists the robin boxes in the split train.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeAnnotation", DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(Annotation))]
    public sealed class GetSeeMeAnnotationCommand : ItemCmdlet
    {
        /// <summary><para type="description">Only annotations with this label: a label object, its id or its name.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Label { get; set; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            var labelId = ResolveLabelId(version, Label);
            if (TryGetItem(out var item)) WriteObject(item.Annotations.Where(a => labelId == null || a.LabelId == labelId), enumerateCollection: true);
        }
    }
}
