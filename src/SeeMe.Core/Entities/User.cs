using Newtonsoft.Json;

namespace SeeMe.Core.Entities
{
    /// <summary>A SeeMe user as register returns it. The API key is not exposed as a property.</summary>
    public sealed class User : SeeMeEntity
    {
        public string Username { get; set; } = "";
        public string Email { get; set; } = "";
        public string Name { get; set; } = "";
        public string Firstname { get; set; } = "";

        [JsonProperty("apikey")]
        internal string? ApiKey { get; set; }

        public override string ToString() => Username;
    }

    /// <summary>A registration request.</summary>
    public sealed class NewUser
    {
        public string Username { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string Firstname { get; set; } = "";
        public string Name { get; set; } = "";
    }

    /// <summary>The reply to login (the API key stays inside the client).</summary>
    internal sealed class LoginReply
    {
        public string Id { get; set; } = "";
        public string Username { get; set; } = "";
        public string Name { get; set; } = "";
        public string Email { get; set; } = "";
        public string Firstname { get; set; } = "";
        public string Apikey { get; set; } = "";
    }
}
