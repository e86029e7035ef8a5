using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Core.Clients
{
    /// <summary>GET applications, and the SDK's client-side lookup of an application id.</summary>
    public sealed class ApplicationsClient : ApiClient
    {
        public ApplicationsClient(ApiConnection api) : base(api) { }

        public Task<List<Application>> GetAllAsync(CancellationToken cancellationToken = default) =>
            Api.GetAsync<List<Application>>("applications", cancellationToken);

        /// <summary>
        /// The SDK's get_application_id: an exact match on all five fields, else one where the
        /// server's base framework version is a substring of the requested one ("1.9.0" matches
        /// "1.9.0+cu111"); otherwise <see cref="NotSupportedException"/>.
        /// </summary>
        public static Application FindApplication(IEnumerable<Application> applications, string baseFramework, string framework,
            string baseFrameworkVersion, string frameworkVersion, string applicationType)
        {
            var candidates = applications.Where(a =>
                a.BaseFramework == baseFramework && a.Framework == framework &&
                a.FrameworkVersion == frameworkVersion && a.ApplicationType == applicationType).ToList();
            return candidates.FirstOrDefault(a => a.BaseFrameworkVersion == baseFrameworkVersion)
                   ?? candidates.FirstOrDefault(a => a.BaseFrameworkVersion.Length > 0 && baseFrameworkVersion.Contains(a.BaseFrameworkVersion))
                   ?? throw new NotSupportedException(
                       $"The combination {baseFramework} {baseFrameworkVersion} / {framework} {frameworkVersion} / {applicationType} is not supported. " +
                       "The application list (GET applications) shows the supported ones.");
        }
    }
}
