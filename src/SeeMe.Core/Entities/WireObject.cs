using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SeeMe.Core.Entities
{
    /// <summary>
    /// Any JSON object of the API, top-level or nested (job items, prediction items, shares, ...).
    /// Fields this version does not know are kept and sent back on update, so a newer server's
    /// fields are never dropped.
    /// </summary>
    public abstract class WireObject
    {
        [JsonExtensionData]
        private IDictionary<string, JToken> _unknownFields = new Dictionary<string, JToken>();

        /// <summary>A field the server sent that this client has no property for (null when absent).</summary>
        public JToken? GetUnknownField(string name) => _unknownFields.TryGetValue(name, out var value) ? value : null;
    }
}
