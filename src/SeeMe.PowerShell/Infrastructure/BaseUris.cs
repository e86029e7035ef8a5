using System;
using SeeMe.Core;

namespace SeeMe.PowerShell
{
    /// <summary>Where Connect-SeeMe and Register-SeeMeUser talk to: -BaseUri, -Local, SEEME_BACKEND or api.seeme.ai.</summary>
    internal static class BaseUris
    {
        public static readonly Uri Local = new Uri("http://127.0.0.1:5080/api/v1/");

        public static Uri Choose(Uri? baseUri, bool local)
        {
            if (baseUri != null) return baseUri;
            if (local) return Local;
            var fromEnvironment = Environment.GetEnvironmentVariable("SEEME_BACKEND");
            return string.IsNullOrWhiteSpace(fromEnvironment) ? SeeMeClient.DefaultBaseUri : new Uri(fromEnvironment);
        }
    }
}
