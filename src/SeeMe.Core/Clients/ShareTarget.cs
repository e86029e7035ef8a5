namespace SeeMe.Core.Clients
{
    /// <summary>What can be shared.</summary>
    public enum ShareTarget
    {
        Model,
        Dataset,
    }
}
