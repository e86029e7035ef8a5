using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// tests/Pester/TestModels holds small real ONNX models (and inputs) for the Pester scenarios,
/// which have no model builder. They must be exactly what the builder makes, so the Pester
/// expectations are the xunit ones. To regenerate: SEEME_WRITE_PESTER_MODELS=1 dotnet test --filter PesterModelFiles
/// </summary>
public sealed class PesterModelFilesTests
{
    private static readonly (string Name, Func<byte[]> Content)[] Files =
    [
        ("colours.onnx", KnownModels.ColourClassifier),
        ("colours-rotated.onnx", KnownModels.RotatedColourClassifier),
        ("colours.txt", () => KnownModels.LabelsFile(KnownModels.Colours)),
        ("sentiment.onnx", KnownModels.TextClassifier),
        ("sentiment.txt", () => KnownModels.LabelsFile(KnownModels.Sentiments)),
        ("yesno.onnx", KnownModels.LinearClassifier),
        ("yesno.txt", () => KnownModels.LabelsFile(KnownModels.YesNo)),
        ("red.png", KnownModels.RedPng),
        ("green.png", KnownModels.GreenPng),
        ("blue.png", KnownModels.BluePng),
    ];

    [Fact]
    public void The_committed_Pester_models_are_what_the_builder_makes()
    {
        var folder = Path.Combine(Repository.Root, "tests", "Pester", "TestModels");
        var write = Environment.GetEnvironmentVariable("SEEME_WRITE_PESTER_MODELS") == "1";
        foreach (var (name, content) in Files)
        {
            var path = Path.Combine(folder, name);
            if (write) File.WriteAllBytes(path, content());
            Assert.True(File.Exists(path), $"{path} is missing (see this test's summary to regenerate)");
            Assert.True(content().SequenceEqual(File.ReadAllBytes(path)), $"{name} differs from the builder's output (see this test's summary to regenerate)");
        }
    }
}
