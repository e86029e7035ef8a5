namespace SeeMe.Core.Entities
{
    /// <summary>A model or dataset shared with someone by e-mail.</summary>
    public sealed class Share : WireObject
    {
        public string Id { get; set; } = "";
        public string Email { get; set; } = "";
        /// <summary>"models" or "datasets".</summary>
        public string EntityType { get; set; } = "";
        public string EntityId { get; set; } = "";
        /// <summary>True (the SDK's default): no invitation e-mail is sent.</summary>
        public bool WithoutInvite { get; set; } = true;

        public override string ToString() => Email;
    }
}
