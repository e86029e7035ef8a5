using System.Management.Automation;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Changes a SeeMe model: name, description, notes, flags, configuration or active version.</para>
    /// <para type="description">Only the parameters you give are changed; the rest of the model is sent back as it is. Switches change a flag both ways: -Public makes a model public, -Public:$false private. -ActiveVersion (a version object, its id or its name) switches the version used for predictions and downloads.</para>
    /// <example><code>Set-SeeMeModel -Id $id -Description 'Trained on 10k photos' -PassThru</code><para>Changes a description and shows the result.</para></example>
    /// <example><code>Get-SeeMeModel -Name 'Cats*' | Set-SeeMeModel -Public:$false</code><para>Makes every Cats model private.</para></example>
    /// <example><code>$v = Get-SeeMeModel -Name Pets | Get-SeeMeModelVersion -Name 'v2'; Set-SeeMeModel -Model $v.ModelId -ActiveVersion $v</code><para>Switches the active version.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "SeeMeModel", SupportsShouldProcess = true, DefaultParameterSetName = ModelSet)]
    [OutputType(typeof(Model))]
    public sealed class SetSeeMeModelCommand : ModelCmdlet
    {
        /// <summary><para type="description">A new name.</para></summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary><para type="description">A new description.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">New notes.</para></summary>
        [Parameter]
        public string? Notes { get; set; }

        /// <summary><para type="description">New configuration (JSON text).</para></summary>
        [Parameter]
        public string? Config { get; set; }

        /// <summary><para type="description">The application (framework) id.</para></summary>
        [Parameter]
        public string? ApplicationId { get; set; }

        /// <summary><para type="description">Public (-Public) or private (-Public:$false).</para></summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

        /// <summary><para type="description">Automatic conversion to ONNX, Core ML and TFLite on or off.</para></summary>
        [Parameter]
        public SwitchParameter AutoConvert { get; set; }

        /// <summary><para type="description">Whether prediction inputs are stored.</para></summary>
        [Parameter]
        public SwitchParameter PrivacyEnabled { get; set; }

        /// <summary><para type="description">The version to make active (an object, its id or its exact name).</para></summary>
        [Parameter]
        [EntityFromId(typeof(ModelVersion))]
        [ArgumentCompleter(typeof(ModelVersionNameCompleter))]
        public ModelVersion? ActiveVersion { get; set; }

        /// <summary><para type="description">Writes the changed model to the pipeline.</para></summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (TryGetModel(out var model) && TryGetReference(ActiveVersion, out var activeVersion, model.Id))
                Update("Model", model, m => Edit(m, activeVersion), (m, ct) => Client.Models.UpdateAsync(m, ct), PassThru);
        }

        private void Edit(Model model, ModelVersion? activeVersion)
        {
            ApplyNameAndDescription(model, Name, Description);
            if (Notes != null) model.Notes = Notes;
            if (Config != null) model.Config = Config;
            if (ApplicationId != null) model.ApplicationId = ApplicationId;
            if (IsBound(nameof(Public))) model.Public = Public;
            if (IsBound(nameof(AutoConvert))) model.AutoConvert = AutoConvert;
            if (IsBound(nameof(PrivacyEnabled))) model.PrivacyEnabled = PrivacyEnabled;
            if (activeVersion != null) model.ActiveVersionId = activeVersion.Id;
        }
    }
}
