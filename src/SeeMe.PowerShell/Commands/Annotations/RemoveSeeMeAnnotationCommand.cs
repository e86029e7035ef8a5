using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Annotations
{
    /// <summary>
    /// <para type="synopsis">Deletes annotations (labels or boxes) from dataset items.</para>
    /// <para type="description">Asks for confirmation (ConfirmImpact High); in scripts and CI pass -Confirm:$false. Deletes the annotation piped in (-Annotation, from Get-SeeMeAnnotation); the item stays. -PassThru outputs the deleted annotation.</para>
    /// <example><code>Remove-SeeMeAnnotation -Annotation $box -Confirm:$false</code><para>Deletes one box without asking (for CI).</para></example>
    /// <example><code>Get-SeeMeDatasetItem -DatasetVersion $version | Get-SeeMeAnnotation -Label unsure | Remove-SeeMeAnnotation -WhatIf</code><para>Shows which 'unsure' annotations would be deleted.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "SeeMeAnnotation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Annotation))]
    public sealed class RemoveSeeMeAnnotationCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The annotation (from Get-SeeMeAnnotation); binds from the pipeline.</para></summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public Annotation? Annotation { get; set; }

        /// <summary><para type="description">Output the deleted annotation.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void NameReferences(object? output) => NameVersionReferences(output, null);

        protected override void ProcessRecord()
        {
            var annotation = Annotation!;
            Remove("Annotation", annotation, ct => Client.Annotations.DeleteAsync(annotation.DatasetId, annotation.DatasetVersionId, annotation.Id, ct), PassThru);
        }
    }
}
