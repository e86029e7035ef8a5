using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Annotations
{
    /// <summary>
    /// <para type="synopsis">Adds a label (or a box) to dataset items.</para>
    /// <para type="description">Creates an annotation through the annotations endpoint (later SDKs: one call, and concurrent edits of the item's other annotations are never overwritten). -Label takes a label object, id or name; without -Coordinates it is a classification label, with -Coordinates "x_center y_center width height" (relative, 0..1) an object-detection box. The annotation goes into -Split (an object, id or name), by default the item's first split. The item comes from the pipeline (-Item) or by -DatasetId, -DatasetVersionId and -Id. Piped items are annotated up to -ThrottleLimit at once (default: the session's, 6). Outputs the new annotations, in input order.</para>
    /// <example><code>Add-SeeMeAnnotation -DatasetId $ds -DatasetVersionId $dv -Id $itemId -Label robin -Coordinates '0.5 0.5 0.2 0.3'</code><para>Adds a robin box in the middle of an image.</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Unlabelled -Split train | Add-SeeMeAnnotation -Label background</code><para>Labels every unlabelled item of the split train as background.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "SeeMeAnnotation", SupportsShouldProcess = true, DefaultParameterSetName = ObjectSet)]
    [OutputType(typeof(Annotation))]
    public sealed class AddSeeMeAnnotationCommand : ItemCmdlet, IThrottledCmdlet
    {
        /// <summary><para type="description">The label: a label object, its id or its name.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [IdFromEntity]
        [ValidateNotNullOrEmpty]
        public string Label { get; set; } = "";

        /// <summary><para type="description">A box, "x_center y_center width height" (relative, 0..1); none for a classification label.</para></summary>
        [Parameter(Position = 1)]
        [ValidatePattern(AnnotationCoordinates.Pattern)]
        public string Coordinates { get; set; } = "";

        /// <summary><para type="description">The split the annotation belongs to (an object, id or name); default: the item's first split.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Split { get; set; }

        /// <summary><para type="description">How many requests may be in flight at once; 1 sends one at a time. Default: the session's (Connect-SeeMe -ThrottleLimit; 6). Output keeps input order.</para></summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; }

        protected override void ProcessRecord()
        {
            var version = LocateVersion();
            var labelId = ResolveLabelId(version, Label)!;
            var splitId = ResolveSplitId(version, Split);
            if (!TryGetItem(out var item) || !ShouldChange("DatasetItem", item, $"Add annotation '{Label}' {Coordinates}".TrimEnd())) return;
            var annotation = new Annotation
            {
                LabelId = labelId,
                ItemId = item.Id,
                SplitId = splitId ?? item.Splits.Select(s => s.Id).FirstOrDefault() ?? "",
                Coordinates = Coordinates,
            };
            RunInput(ct => Client.Annotations.CreateAsync(version.DatasetId, version.DatasetVersionId, annotation, ct), item, WriteObject);
        }
    }
}
