namespace SeeMe.Server.Domain;

/// <summary>
/// The page sizes of the paged listings (a version's items, a model's predictions): the size a listing answers
/// when the request names none, as the SDKs expect, and the largest page the server answers (400 beyond).
/// </summary>
public static class PageSizes
{
    /// <summary>The largest <c>pageSize</c> any listing accepts.</summary>
    public const int Max = 1000;

    /// <summary>Items per page when GET items names no <c>pageSize</c>.</summary>
    public const int ItemsDefault = 10;

    /// <summary>Predictions per page when GET models/{id}/inferences names no <c>pageSize</c>.</summary>
    public const int PredictionsDefault = 25;
}
