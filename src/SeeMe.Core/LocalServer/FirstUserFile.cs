using System.IO;
using Newtonsoft.Json.Linq;

namespace SeeMe.Core.LocalServer
{
    /// <summary>
    /// The local server's record of a data folder's first user, first-user.json ({"username", "apikey"}, readable by
    /// its owner only), which the server writes at every start: a folder used before is started again with that user.
    /// </summary>
    public static class FirstUserFile
    {
        public const string Name = "first-user.json";

        /// <summary>The first user a data folder keeps; null for a new folder (or a file that cannot be read).</summary>
        public static (string Username, string ApiKey)? Read(string dataDirectory)
        {
            var path = Path.Combine(dataDirectory, Name);
            try
            {
                if (!File.Exists(path)) return null;
                var user = JObject.Parse(File.ReadAllText(path));
                var (username, apiKey) = ((string?)user["username"], (string?)user["apikey"]);
                return string.IsNullOrEmpty(username) || string.IsNullOrEmpty(apiKey) ? null : (username!, apiKey!);
            }
            catch (System.Exception e) when (e is IOException || e is System.UnauthorizedAccessException || e is Newtonsoft.Json.JsonException)
            {
                return null;
            }
        }
    }
}
