using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using SeeMe.Core.Clients;
using SeeMe.Core.Entities;

namespace SeeMe.PowerShell.Commands.Applications
{
    /// <summary>
    /// <para type="synopsis">Gets the SeeMe application catalogue: which framework versions run which application types.</para>
    /// <para type="description">Lists the applications, filtered by any of -ApplicationType, -Framework, -FrameworkVersion, -BaseFramework and -BaseFrameworkVersion (wildcards allowed). With all five given it does what the Python SDK's get_application_id does: an exact match, else an application whose base framework version is contained in the one given (1.9.0 matches 1.9.0+cu111), else it stops with an ApplicationNotSupported error.</para>
    /// <example><code>Get-SeeMeApplication -ApplicationType image_classification</code><para>Lists the frameworks that can run image classification.</para></example>
    /// <example><code>$app = Get-SeeMeApplication -BaseFramework pytorch -BaseFrameworkVersion '2.1.0+cu118' -Framework fastai -FrameworkVersion 2.7.12 -ApplicationType image_classification; New-SeeMeModel -Name Pets -ApplicationId $app.Id</code><para>Finds the application id the SDK way and creates a model on it.</para></example>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "SeeMeApplication")]
    [OutputType(typeof(Application))]
    public sealed class GetSeeMeApplicationCommand : SeeMeCmdlet
    {
        /// <summary><para type="description">The application type, e.g. image_classification.</para></summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ApplicationTypeCompleter))]
        public string? ApplicationType { get; set; }

        /// <summary><para type="description">The framework, e.g. fastai or onnx.</para></summary>
        [Parameter]
        [SupportsWildcards]
        public string? Framework { get; set; }

        /// <summary><para type="description">The framework version.</para></summary>
        [Parameter]
        [SupportsWildcards]
        public string? FrameworkVersion { get; set; }

        /// <summary><para type="description">The base framework, e.g. pytorch.</para></summary>
        [Parameter]
        [SupportsWildcards]
        public string? BaseFramework { get; set; }

        /// <summary><para type="description">The base framework version.</para></summary>
        [Parameter]
        [SupportsWildcards]
        public string? BaseFrameworkVersion { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryRun(ct => Client.Applications.GetAllAsync(ct), null, out var applications)) return;
            if (AllCriteriaGiven) WriteObject(FindTheOne(applications));
            else WriteObject(applications.Where(Matches), enumerateCollection: true);
        }

        private bool AllCriteriaGiven =>
            ApplicationType != null && Framework != null && FrameworkVersion != null && BaseFramework != null && BaseFrameworkVersion != null;

        private Application FindTheOne(IEnumerable<Application> applications)
        {
            try
            {
                return ApplicationsClient.FindApplication(applications, BaseFramework!, Framework!, BaseFrameworkVersion!, FrameworkVersion!, ApplicationType!);
            }
            catch (System.NotSupportedException e)
            {
                ThrowTerminatingError(ErrorRecords.UnsupportedApplication(e, ErrorNoun, ApplicationType));
                throw; // not reached
            }
        }

        private bool Matches(Application application) =>
            Like(application.ApplicationType, ApplicationType) && Like(application.Framework, Framework) &&
            Like(application.FrameworkVersion, FrameworkVersion) && Like(application.BaseFramework, BaseFramework) &&
            Like(application.BaseFrameworkVersion, BaseFrameworkVersion);

        private static bool Like(string value, string? pattern) =>
            pattern == null || WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase).IsMatch(value);
    }
}
