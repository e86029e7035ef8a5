using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace SeeMe.Core.Http
{
    /// <summary>The one JSON configuration: PascalCase properties ↔ the API's snake_case fields.</summary>
    public static class SeeMeJson
    {
        public static readonly JsonSerializerSettings Settings = new JsonSerializerSettings
        {
            ContractResolver = new DefaultContractResolver { NamingStrategy = new SnakeCaseNamingStrategy() },
            DateParseHandling = DateParseHandling.None,
            NullValueHandling = NullValueHandling.Include,
            MissingMemberHandling = MissingMemberHandling.Ignore,
        };

        public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);

        public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

        public static T Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)!;
    }
}
