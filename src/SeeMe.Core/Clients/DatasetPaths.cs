using SeeMe.Core.Http;

namespace SeeMe.Core.Clients
{
    /// <summary>The paths under datasets/{ds}/versions/{dv}.</summary>
    internal static class DatasetPaths
    {
        public static string Versions(string datasetId) =>
            ApiPath.Of("datasets", Ensure.NotNullOrEmpty(datasetId, nameof(datasetId)), "versions");

        public static string Version(string datasetId, string datasetVersionId) =>
            Versions(datasetId) + "/" + ApiPath.Of(Ensure.NotNullOrEmpty(datasetVersionId, nameof(datasetVersionId)));

        public static string Child(string datasetId, string datasetVersionId, string collection, string? id = null) =>
            Version(datasetId, datasetVersionId) + "/" + collection + (id == null ? "" : "/" + ApiPath.Of(Ensure.NotNullOrEmpty(id, "id")));
    }
}
