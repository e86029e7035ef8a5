using System.Management.Automation;
using SeeMe.Core;
using SeeMe.Core.Entities;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;
using SkiaSharp;
using static SeeMe.Tests.PowerShell.DatasetTestData;

namespace SeeMe.Tests.PowerShell;

/// <summary>
/// The Save-* rule, the same for all four: ShouldProcess names the target file (-WhatIf writes nothing), and an
/// existing file is replaced only with -Force or a yes to ShouldContinue. The hosted engine has no UI to ask with,
/// so there a conflict is a non-terminating &lt;Noun&gt;FileExists error and the file stays as it was.
/// </summary>
public sealed class SaveCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>, IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string> Saves => ["Save-SeeMeModel", "Save-SeeMeModelLogo", "Save-SeeMeDatasetLogo", "Save-SeeMeDatasetItemImage"];

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task WhatIf_names_the_target_and_writes_no_file(string cmdlet)
    {
        var (script, input, _) = await ArrangeAsync(cmdlet);
        var folder = Path.Combine(_files.Root, "whatif-" + Guid.NewGuid().ToString("N")[..6]);
        using var ps = Connected();

        var result = ps.Run(script + " -WhatIf", input, folder);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Objects);
        Assert.False(Directory.Exists(folder), $"{cmdlet} -WhatIf created {folder}");
    }

    [Theory]
    [MemberData(nameof(Saves))]
    public async Task An_existing_file_is_kept_without_Force_in_a_host_that_cannot_ask_and_replaced_with_Force(string cmdlet)
    {
        var (script, input, noun) = await ArrangeAsync(cmdlet);
        var folder = TempFolder(_files);
        using var ps = Connected();
        var first = ps.Run(script, input, folder);
        Assert.Empty(first.Errors);
        var file = Assert.Single(first.OfType<FileInfo>()).FullName;
        var downloaded = File.ReadAllBytes(file);
        byte[] mine = [1, 2, 3, 4];
        File.WriteAllBytes(file, mine);

        var again = ps.Run(script + "; 'went on'", input, folder);

        var error = Assert.Single(again.Errors);
        Assert.StartsWith(noun + "FileExists,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        // What the hosted engine does with ShouldContinue when it has no UI to ask with: a HostException.
        Assert.IsType<System.Management.Automation.Host.HostException>(error.Exception.InnerException);
        Assert.Equal(file, error.TargetObject);
        Assert.Contains("-Force", error.ErrorDetails.RecommendedAction);
        Assert.Equal(["went on"], again.Objects);
        Assert.Equal(mine, File.ReadAllBytes(file));
        Assert.Single(Directory.GetFiles(folder)); // no partial file left behind

        var forced = ps.Run(script + " -Force", input, folder);

        Assert.Empty(forced.Errors);
        Assert.Equal(file, Assert.Single(forced.OfType<FileInfo>()).FullName);
        Assert.Equal(downloaded, File.ReadAllBytes(file));
    }

    [Fact]
    public async Task Export_keeps_existing_files_without_Force_and_replaces_them_with_Force()
    {
        using var client = Client(server);
        var (_, version) = await NewDatasetAsync(client, "robin");
        await NewImageItemAsync(client, version, "e1", "train", "robin", TempFolder(_files));
        var data = TempFolder(_files);
        using var ps = Connected();
        var first = ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", version, data);
        Assert.Empty(first.Errors);
        var image = Path.Combine(data, "train", "robin", "e1.png");
        var exported = File.ReadAllBytes(image);
        File.WriteAllBytes(image, [9, 9]);

        var again = ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders", version, data);

        Assert.StartsWith("DatasetVersionFileExists,", Assert.Single(again.Errors).FullyQualifiedErrorId);
        Assert.Empty(again.Objects);
        Assert.Equal([9, 9], File.ReadAllBytes(image));

        var forced = ps.Run("$args[0] | Export-SeeMeDatasetVersion -Destination $args[1] -Format Folders -Force", version, data);

        Assert.Empty(forced.Errors);
        Assert.Equal(exported, File.ReadAllBytes(image));
    }

    private PowerShellHost Connected() => PowerShellHost.ConnectedTo(server);

    /// <summary>The Save command's script ($args[0] the input, $args[1] the folder), its input and its ErrorId noun.</summary>
    private async Task<(string Script, object Input, string Noun)> ArrangeAsync(string cmdlet)
    {
        using var client = Client(server);
        var images = TempFolder(_files);
        switch (cmdlet)
        {
            case "Save-SeeMeModel":
                var model = await NewModelAsync(client);
                await client.Models.UploadFileAsync(model.Id, _files.Bytes(Guid.NewGuid().ToString("N") + ".onnx", OnnxModelBuilder.ImageClassifier()));
                return ("Save-SeeMeModel -Model $args[0] -AssetType Onnx -Destination $args[1]", model.Id, "Model");
            case "Save-SeeMeModelLogo":
                var withLogo = await NewModelAsync(client);
                await client.Models.UploadLogoAsync(withLogo.Id, Png(images, "logo.png", SKColors.Red));
                return ("Get-SeeMeModel -Id $args[0] | Save-SeeMeModelLogo -Destination $args[1]", withLogo.Id, "ModelLogo");
            case "Save-SeeMeDatasetLogo":
                var (dataset, _) = await NewDatasetAsync(client);
                var logoed = await client.Datasets.UploadLogoAsync(dataset.Id, Png(images, "logo.png", SKColors.Green));
                return ("$args[0] | Save-SeeMeDatasetLogo -Destination $args[1]", logoed, "DatasetLogo");
            default:
                var (_, version) = await NewDatasetAsync(client, "robin");
                var item = await NewImageItemAsync(client, version, "i1", "train", "robin", images);
                return ("$args[0] | Save-SeeMeDatasetItemImage -Destination $args[1]", item, "DatasetItemImage");
        }
    }

    private static Task<Model> NewModelAsync(SeeMeClient client) => client.Models.CreateAsync(new Model { Name = Unique("save") });
}
