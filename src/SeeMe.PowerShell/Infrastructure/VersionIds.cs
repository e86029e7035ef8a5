namespace SeeMe.PowerShell
{
    /// <summary>The dataset and version ids a command works in.</summary>
    public readonly struct VersionIds
    {
        public VersionIds(string datasetId, string versionId)
        {
            DatasetId = datasetId;
            VersionId = versionId;
        }

        public string DatasetId { get; }
        public string VersionId { get; }
    }
}
