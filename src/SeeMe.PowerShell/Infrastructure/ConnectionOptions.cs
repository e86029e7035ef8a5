using System;
using System.Collections;
using System.Management.Automation;
using System.Net.Http.Headers;
using SeeMe.Core.Http;

namespace SeeMe.PowerShell
{
    /// <summary>The connection options every client the module makes starts from: a User-Agent naming the module and PowerShell.</summary>
    internal static class ConnectionOptions
    {
        public static SeeMeConnectionOptions For(PSCmdlet cmdlet) => new SeeMeConnectionOptions { UserAgent = UserAgent(cmdlet) };

        /// <summary><c>SeeMe.PowerShell/&lt;module version&gt; PowerShell/&lt;$PSVersionTable.PSVersion&gt;</c>.</summary>
        public static ProductInfoHeaderValue[] UserAgent(PSCmdlet cmdlet)
        {
            var module = new ProductInfoHeaderValue("SeeMe.PowerShell", typeof(ConnectionOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            var psVersion = (cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") as IDictionary)?["PSVersion"]?.ToString();
            try
            {
                return new[] { module, new ProductInfoHeaderValue("PowerShell", psVersion) };
            }
            catch (FormatException)
            {
                return new[] { module, new ProductInfoHeaderValue("PowerShell", null) };
            }
        }
    }
}
