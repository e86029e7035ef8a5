namespace SeeMe.Core.Entities
{
    /// <summary>A model or dataset: owned by one user, visible to others when public or shared.</summary>
    public interface IOwnedEntity
    {
        string Id { get; }
        string Name { get; }
        string UserId { get; }
        bool Public { get; }
        bool SharedWithMe { get; }
    }
}
