using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Annotations
{
    /// <summary>
    /// <para type="synopsis">Moves a box or changes the label of an annotation.</para>
    /// <para type="description">Changes the annotation piped in (-Annotation, from Get-SeeMeAnnotation): -Coordinates "x_center y_center width height" (relative; '' makes it a classification label) and -Label (an object, id or name). Only the parameters given change. -PassThru outputs the updated annotation.</para>
    /// <example><code>Set-SeeMeAnnotation -Annotation $box -Coordinates '0.4 0.5 0.2 0.2'</code><para>Moves a box.</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version -Label kat | Get-SeeMeAnnotation -Label kat | Set-SeeMeAnnotation -Label cat -PassThru</code><para>Relabels every kat annotation as cat.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeAnnotation", SupportsShouldProcess = true)]
    [OutputType(typeof(Annotation))]
    public sealed class SetSeeMeAnnotationCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The annotation (from Get-SeeMeAnnotation); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Annotation? Annotation { get; set; }

        /// <summary><para type="description">The new box, "x_center y_center width height" (relative, 0..1); '' for a classification label.</para></summary>
        [Parameter]
        [ValidatePattern(AnnotationCoordinates.Pattern)]
        public string? Coordinates { get; set; }

        /// <summary><para type="description">The new label: a label object, its id or its name.</para></summary>
        [Parameter]
        [IdFromEntity]
        public string? Label { get; set; }

        /// <summary><para type="description">Output the updated annotation.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void NameReferences(object? output) => NameVersionReferences(output, null);

        protected override void ProcessRecord()
        {
            var version = LocateVersion(new VersionIds(Annotation!.DatasetId, Annotation.DatasetVersionId));
            var labelId = ResolveLabelId(version, Label);
            Update("Annotation", Annotation!, a =>
            {
                if (Coordinates != null) a.Coordinates = Coordinates.Trim();
                if (labelId != null) a.LabelId = labelId;
            }, (a, ct) => Client.Annotations.UpdateAsync(a, ct), PassThru);
        }
    }
}
