using System.Text.Json.Nodes;
using SeeMe.Server.Storage;

namespace SeeMe.Server.Domain;

/// <summary>
/// The application (framework) catalogue seeded into a fresh data folder, and how a model's
/// application and kind are chosen from what a client sent.
/// </summary>
public static class ApplicationCatalogue
{
    /// <summary>The host name the local ONNX applications (and their predictions) report.</summary>
    public const string LocalInferenceHost = "seeme-local-onnxruntime";

    private sealed record Entry(string Id, string Name, string Description, string BaseFramework, string BaseFrameworkVersion,
        string Framework, string FrameworkVersion, ApplicationType Type, string InferenceHost, string InferenceExtensions,
        bool ToOnnx = false, bool ToCoreml = false, bool ToTensorflow = false, bool ToTflite = false,
        bool ContinualTraining = false, bool Embeddings = false, bool LabelsFile = false);

    // Fixed ids, so that seeding is idempotent and scripts may rely on them across data folders.
    private static readonly Entry[] Catalogue =
    [
        new("00b5569d-679a-49e3-bfca-fb66989f0512", "Image classification (fastai)", "Classify images with a fastai learner exported as export.pkl.",
            "pytorch", "1.9.0", "fastai", "2.4.1", ApplicationType.ImageClassification, "seeme-fastai-inference", "pkl",
            ToOnnx: true, ToCoreml: true, ToTflite: true, ContinualTraining: true, Embeddings: true),
        new("20668196-ac97-4705-be37-eca726901626", "Text classification (fastai)", "Classify text with a fastai learner exported as export.pkl.",
            "pytorch", "1.9.0", "fastai", "2.4.1", ApplicationType.TextClassification, "seeme-fastai-inference", "pkl", ContinualTraining: true),
        new("fe3745cc-f430-4283-8166-e1c92daeb263", "Tabular (fastai)", "Predict from structured (tabular) features with a fastai learner.",
            "pytorch", "1.9.0", "fastai", "2.4.1", ApplicationType.Structured, "seeme-fastai-inference", "pkl", ContinualTraining: true),
        new("5cc59f1e-8bca-49ce-8339-ec492e657e6b", "Object detection (YOLOv4, darknet)", "Detect objects with darknet weights, cfg and names files.",
            "darknet", "AlexeyAB", "darknet", "yolov4", ApplicationType.ObjectDetection, "seeme-darknet-inference", "weights",
            ToOnnx: true, ToTflite: true, LabelsFile: true),
        new("c6e6db26-d465-483d-a129-780dd3a1abf5", "Image classification (ONNX)", "Classify images with an ONNX model and a labels file; runs locally.",
            "onnx", "1.16", "onnx", "1.16", ApplicationType.ImageClassification, LocalInferenceHost, "onnx", LabelsFile: true),
        new("40750ade-c4d7-4930-a2e2-4d11c74f8862", "Object detection (ONNX)", "Detect objects with a YOLO-style ONNX model and a labels file; runs locally.",
            "onnx", "1.16", "onnx", "1.16", ApplicationType.ObjectDetection, LocalInferenceHost, "onnx", LabelsFile: true),
        new("1685b497-d7e0-4076-a4de-d778071ea585", "Text classification (ONNX)", "Classify text with an ONNX model and a labels file; runs locally.",
            "onnx", "1.16", "onnx", "1.16", ApplicationType.TextClassification, LocalInferenceHost, "onnx", LabelsFile: true),
        new("62a631f7-7481-4cd1-bd2c-bb8936418897", "Structured (ONNX)", "Predict from named features with an ONNX model and a labels file; runs locally.",
            "onnx", "1.16", "onnx", "1.16", ApplicationType.Structured, LocalInferenceHost, "onnx", LabelsFile: true),
    ];

    public static void EnsureSeeded(Store store)
    {
        store.InTransaction(() =>
        {
            foreach (var entry in Catalogue)
                if (store.Get(Kinds.Application, entry.Id) is null) store.Put(Kinds.Application, ToDoc(entry));
        });
    }

    /// <summary>The application with that id, or null.</summary>
    public static JsonObject? Find(Store store, string id) =>
        id.Length == 0 ? null : store.Get(Kinds.Application, id);

    /// <summary>The application a model of <paramref name="type"/> gets when created without one: the local ONNX one, if any.</summary>
    public static JsonObject? DefaultFor(Store store, ApplicationType type)
    {
        var ofType = store.List(Kinds.Application).Where(a => a.Str("application") == type.Name).ToList();
        return ofType.FirstOrDefault(a => a.Str("framework") == "onnx") ?? ofType.FirstOrDefault();
    }

    /// <summary>
    /// The application id and application type of a model, from what the client sent (the wire
    /// fields <c>application_id</c> and <c>kind</c>): a given application decides the type; without
    /// one the type (default image_classification) picks its default application ("" when there is none).
    /// </summary>
    public static (string ApplicationId, string ApplicationType) Resolve(Store store, string applicationId, string applicationType)
    {
        if (applicationId.Length > 0)
        {
            var app = Find(store, applicationId)
                ?? throw DomainException.Invalid($"Application '{applicationId}' does not exist; GET applications lists the valid ids.");
            return (applicationId, app.Str("application"));
        }
        var type = applicationType.Length == 0 ? ApplicationType.Default : ApplicationType.Named(applicationType)
            ?? throw DomainException.Invalid($"Unknown kind '{applicationType}'; use one of: {string.Join(", ", ApplicationType.All.Select(t => t.Name))}.");
        return (DefaultFor(store, type)?.Str("id") ?? "", type.Name);
    }

    /// <summary>
    /// The application type a prediction with this version runs as: its application's, else the
    /// model's <c>kind</c>, else the default.
    /// </summary>
    public static string TypeOf(Store store, JsonObject model, JsonObject version)
    {
        var application = Find(store, version.Str("application_id"))?.Str("application") ?? "";
        if (application.Length > 0) return application;
        return model.Str("kind") is { Length: > 0 } kind ? kind : ApplicationType.Default.Name;
    }

    /// <summary>The file extensions the application can run (its comma-separated <c>inference_extensions</c>).</summary>
    public static string[] InferenceExtensions(JsonObject? application) =>
        application?.Str("inference_extensions").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    private static JsonObject ToDoc(Entry e)
    {
        var doc = Entities.Create(Kinds.Application);
        doc["id"] = e.Id;
        doc["name"] = e.Name;
        doc["description"] = e.Description;
        doc["base_framework"] = e.BaseFramework;
        doc["base_framework_version"] = e.BaseFrameworkVersion;
        doc["framework"] = e.Framework;
        doc["framework_version"] = e.FrameworkVersion;
        doc["application"] = e.Type.Name;
        doc["inference_host"] = e.InferenceHost;
        doc["can_convert_to_onnx"] = e.ToOnnx;
        doc["can_convert_to_coreml"] = e.ToCoreml;
        doc["can_convert_to_tensorflow"] = e.ToTensorflow;
        doc["can_convert_to_tflite"] = e.ToTflite;
        doc["continual_training"] = e.ContinualTraining;
        doc["has_embedding_support"] = e.Embeddings;
        doc["has_labels_file"] = e.LabelsFile;
        doc["inference_extensions"] = e.InferenceExtensions;
        return doc;
    }
}
