namespace SeeMe.Server.Domain;

/// <summary>What a prediction of a model reads: an uploaded image, a text, or named features.</summary>
public enum PredictionInputKind
{
    Image,
    Text,
    Structured,
}

/// <summary>
/// The application type of a model: what it does, and so what its predictions take as input. This
/// is the one name for it inside the server; on the wire it is a model's <c>kind</c> and an
/// application's <c>application</c> field (docs/wire-contract.md, "Entities").
/// </summary>
public sealed record ApplicationType(string Name, PredictionInputKind Input)
{
    public static readonly ApplicationType ImageClassification = new("image_classification", PredictionInputKind.Image);
    public static readonly ApplicationType ObjectDetection = new("object_detection", PredictionInputKind.Image);
    public static readonly ApplicationType TextClassification = new("text_classification", PredictionInputKind.Text);
    public static readonly ApplicationType Structured = new("structured", PredictionInputKind.Structured);
    public static readonly ApplicationType Ocr = new("ocr", PredictionInputKind.Image);
    public static readonly ApplicationType Ner = new("ner", PredictionInputKind.Text);
    public static readonly ApplicationType LanguageModel = new("language_model", PredictionInputKind.Text);

    /// <summary>What a model created without an application or type is.</summary>
    public static readonly ApplicationType Default = ImageClassification;

    /// <summary>Every application type this server accepts, in the order messages list them.</summary>
    public static readonly ApplicationType[] All =
        [ImageClassification, ObjectDetection, TextClassification, Structured, Ocr, Ner, LanguageModel];

    /// <summary>The type with that wire name, or null.</summary>
    public static ApplicationType? Named(string name) => All.FirstOrDefault(t => t.Name == name);

    public override string ToString() => Name;
}
