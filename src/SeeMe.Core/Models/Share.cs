namespace SeeMe.Core.Models
{
    /// <summary>A model or dataset shared with someone by e-mail.</summary>
    public sealed class Share
    {
        public string Id { get; set; } = "";
        public string Email { get; set; } = "";
        /// <summary>"models" or "datasets".</summary>
        public string EntityType { get; set; } = "";
        public string EntityId { get; set; } = "";
        public bool WithoutInvite { get; set; }

        public override string ToString() => Email;
    }
}
