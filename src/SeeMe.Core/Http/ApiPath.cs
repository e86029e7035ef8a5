using System;
using System.Collections.Generic;
using System.Linq;

namespace SeeMe.Core.Http
{
    /// <summary>Builds API-relative paths from segments (each escaped) and query pairs.</summary>
    internal static class ApiPath
    {
        public static string Of(params string[] segments) =>
            string.Join("/", segments.Select(Uri.EscapeDataString));

        public static string WithQuery(string path, IEnumerable<KeyValuePair<string, string?>> query)
        {
            var pairs = query.Where(p => p.Value != null)
                .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!))
                .ToList();
            return pairs.Count == 0 ? path : path + "?" + string.Join("&", pairs);
        }
    }
}
