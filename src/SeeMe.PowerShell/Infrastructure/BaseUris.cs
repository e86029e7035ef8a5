using System;
using System.Management.Automation;
using SeeMe.Core;

namespace SeeMe.PowerShell
{
    /// <summary>Where Connect-SeeMe and Register-SeeMeUser talk to: -BaseUri, -Local, SEEME_BACKEND or api.seeme.ai.</summary>
    internal static class BaseUris
    {
        public static readonly Uri Local = new Uri("http://127.0.0.1:5080/api/v1/");

        /// <summary>The API root to use; a -BaseUri or SEEME_BACKEND that is not an http(s) address is an <see cref="ExplainedException"/>.</summary>
        public static Uri Choose(Uri? baseUri, bool local)
        {
            if (baseUri != null) return Checked(baseUri.OriginalString, "-BaseUri");
            if (local) return Local;
            var fromEnvironment = Environment.GetEnvironmentVariable("SEEME_BACKEND");
            return string.IsNullOrWhiteSpace(fromEnvironment) ? SeeMeClient.DefaultBaseUri : Checked(fromEnvironment!, "SEEME_BACKEND");
        }

        private static Uri Checked(string text, string source) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new ExplainedException($"{source} '{text}' is not a web address.", "BaseUriInvalid", ErrorCategory.InvalidArgument,
                    "Give the API root with its scheme, such as https://api.seeme.ai/api/v1/ (or -Local for the local server's http://127.0.0.1:5080/api/v1/).");
    }
}
