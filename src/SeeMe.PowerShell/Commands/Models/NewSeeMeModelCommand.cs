using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Models
{
    /// <summary>
    /// <para type="synopsis">Creates a SeeMe model (and its first version).</para>
    /// <para type="description">Creates a model with a name and, optionally, the application (framework) it runs on: give -ApplicationId, or the five criteria -ApplicationType, -Framework, -FrameworkVersion, -BaseFramework and -BaseFrameworkVersion to pick one from the session's application catalogue the way the Python SDK does (an exact match, else a base framework version contained in the one given). -AutoConvert is on unless you pass -AutoConvert:$false.</para>
    /// <example><code>New-SeeMeModel -Name 'Cats and dogs' -Description 'Pets classifier' -ApplicationId $app.Id</code><para>Creates a model on a known application.</para></example>
    /// <example><code>Get-SeeMeApplication -ApplicationType image_classification | Where-Object Framework -eq 'onnx' | ForEach-Object { New-SeeMeModel -Name "Pets ($($_.FrameworkVersion))" -ApplicationId $_.Id }</code><para>Creates one model per matching application.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "SeeMeModel", SupportsShouldProcess = true, DefaultParameterSetName = ApplicationIdSet)]
    [OutputType(typeof(Model))]
    public sealed class NewSeeMeModelCommand : SeeMeCmdlet
    {
        private const string ApplicationIdSet = "ApplicationId";
        private const string FrameworkSet = "Framework";

        /// <summary><para type="description">The model's name.</para></summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        /// <summary><para type="description">A description of the model.</para></summary>
        [Parameter]
        public string? Description { get; set; }

        /// <summary><para type="description">Notes (free text, markdown on SeeMe.ai).</para></summary>
        [Parameter]
        public string? Notes { get; set; }

        /// <summary><para type="description">The id of the application (framework catalogue entry) the model runs on.</para></summary>
        [Parameter(ParameterSetName = ApplicationIdSet, ValueFromPipelineByPropertyName = true)]
        public string? ApplicationId { get; set; }

        /// <summary><para type="description">The application type, e.g. image_classification (with the four framework parameters).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = FrameworkSet)]
        [ArgumentCompleter(typeof(ApplicationTypeCompleter))]
        public string ApplicationType { get; set; } = "";

        /// <summary><para type="description">The framework, e.g. fastai or onnx.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = FrameworkSet)]
        public string Framework { get; set; } = "";

        /// <summary><para type="description">The framework version, e.g. 2.7.12.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = FrameworkSet)]
        public string FrameworkVersion { get; set; } = "";

        /// <summary><para type="description">The base framework, e.g. pytorch.</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = FrameworkSet)]
        public string BaseFramework { get; set; } = "";

        /// <summary><para type="description">The base framework version, e.g. 2.1.0 (2.1.0+cu118 matches 2.1.0).</para></summary>
        [Parameter(Mandatory = true, ParameterSetName = FrameworkSet)]
        public string BaseFrameworkVersion { get; set; } = "";

        /// <summary><para type="description">Makes the model visible to everyone.</para></summary>
        [Parameter]
        public SwitchParameter Public { get; set; }

        /// <summary><para type="description">Lets the service convert uploads to ONNX, Core ML and TFLite (on by default; -AutoConvert:$false turns it off).</para></summary>
        [Parameter]
        public SwitchParameter AutoConvert { get; set; }

        /// <summary><para type="description">Inputs of predictions are not stored.</para></summary>
        [Parameter]
        public SwitchParameter PrivacyEnabled { get; set; }

        /// <summary><para type="description">The model's configuration (JSON text).</para></summary>
        [Parameter]
        public string? Config { get; set; }

        protected override void ProcessRecord()
        {
            var model = new Model
            {
                Name = Name,
                Description = Description ?? "",
                Notes = Notes ?? "",
                ApplicationId = ChooseApplicationId(),
                Public = Public,
                AutoConvert = !IsBound(nameof(AutoConvert)) || AutoConvert,
                PrivacyEnabled = PrivacyEnabled,
                Config = Config ?? "",
            };
            if (!ShouldChange("Model", model, "Create")) return;
            WriteObject(RunOrStop(ct => Client.Models.CreateAsync(model, ct), Name));
        }

        private string ChooseApplicationId()
        {
            if (ParameterSetName != FrameworkSet) return ApplicationId ?? "";
            try
            {
                return ApplicationsClient.FindApplication(ResolvedSession.Applications, BaseFramework, Framework,
                    BaseFrameworkVersion, FrameworkVersion, ApplicationType).Id;
            }
            catch (System.NotSupportedException e)
            {
                ThrowTerminatingError(ErrorRecords.UnsupportedApplication(e, "Application", ApplicationType));
                throw; // not reached
            }
        }
    }
}
