using System.Diagnostics;
using SeeMe.Tests.Infrastructure;
using SeeMe.TestModels;
namespace SeeMe.Tests.PowerShell;
public sealed class ScratchTiming(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public void Timing()
    {
        using var files = new TestFiles();
        using var ps = new PowerShellHost();
        ps.Connect(server);
        using var client = server.SeedUser();
        var model = client.Models.CreateAsync(new SeeMe.Core.Entities.Model { Name = "t" }).GetAwaiter().GetResult();
        client.Models.UploadFileAsync(model.Id, files.Bytes("m.onnx", OnnxModelBuilder.ImageClassifier())).GetAwaiter().GetResult();
        client.Models.UploadFileAsync(model.Id, files.Text("labels.txt", "red\ngreen\nblue\n")).GetAwaiter().GetResult();
        model = client.Models.GetAsync(model.Id).GetAwaiter().GetResult();
        var red = files.Image("red.png", TestImages.Red);
        var lines = new List<string>();
        for (var round = 0; round < 2; round++)
        foreach (var script in new[] {
            "param($m, $f, $n) foreach ($i in 1..$n) { $null = Get-SeeMeModel -Id $m.Id }",
            "param($m, $f, $n) foreach ($i in 1..$n) { $null = Invoke-SeeMePrediction -Model $m -LiteralPath $f }",
            "param($m, $f, $n) foreach ($i in 1..$n) { $null = Invoke-SeeMePrediction -Model $m -LiteralPath $f -ProgressAction SilentlyContinue }",
            "param($m, $f, $n) foreach ($i in 1..$n) { $null = Invoke-SeeMePrediction -Model $m -Text x -ApplicationType image_classification -ErrorAction SilentlyContinue }",
        })
        {
            ps.Run(script, model, red, 30);
            var sw = Stopwatch.StartNew();
            var r = ps.Run(script, model, red, 200);
            lines.Add($"{sw.Elapsed.TotalMilliseconds / 200:0.000} ms  {script} {r.Errors.Count}");
        }
        for (var round = 0; round < 2; round++)
        {
            var sw2 = Stopwatch.StartNew();
            for (var i = 0; i < 200; i++) client.Predictions.PredictFileAsync(model.Id, null, red).GetAwaiter().GetResult();
            lines.Add($"{sw2.Elapsed.TotalMilliseconds / 200:0.000} ms core predict");
            sw2 = Stopwatch.StartNew();
            for (var i = 0; i < 200; i++) client.Models.GetAsync(model.Id).GetAwaiter().GetResult();
            lines.Add($"{sw2.Elapsed.TotalMilliseconds / 200:0.000} ms core get");
        }
        File.WriteAllLines("/tmp/timing.txt", lines);
    }
}
