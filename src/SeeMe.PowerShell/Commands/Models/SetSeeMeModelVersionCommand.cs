using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Changes a version of a SeeMe model.</para>
    /// <para type="description">Only the parameters you give are changed. The version comes from the pipeline (Get-SeeMeModelVersion) or from -ModelId and -VersionId.</para>
    /// <example><code>Get-SeeMeModelVersion -Model $model -Name 'v2' | Set-SeeMeModelVersion -Description 'Best so far' -PassThru</code><para>Describes a version.</para></example>
    /// <example><code>Set-SeeMeModelVersion -ModelId $model.Id -VersionId $model.ActiveVersionId -Name 'production'</code><para>Renames the active version.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeModelVersion", SupportsShouldProcess = true, DefaultParameterSetName = VersionSet)]
    [OutputType(typeof(ModelVersion))]
    public sealed class SetSeeMeModelVersionCommand : ModelVersionCmdlet
    {
        /// <summary><para type="description">A new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">A new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">The application (framework) id.</para></summary>
        [Parameter]
        public string? ApplicationId { get; set; }

        /// <summary><para type="description">New configuration (JSON text).</para></summary>
        [Parameter]
        public string? Config { get; set; }

        /// <summary><para type="description">Writes the changed version to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetModelVersion(out var version))
                Update("ModelVersion", version, Edit, (v, ct) => Client.ModelVersions.UpdateAsync(v, ct), PassThru);
        }

        private void Edit(ModelVersion version)
        {
            ApplyNameAndDescription(version, Name, Description);
            if (ApplicationId != null) version.ApplicationId = ApplicationId;
            if (Config != null) version.Config = Config;
        }
    }
}
