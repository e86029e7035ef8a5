using System.Management.Automation;
using SeeMe.Core.Entities;
using SeeMe.TestModels;
using SeeMe.Tests.Infrastructure;

namespace SeeMe.Tests.PowerShell;

public sealed class ModelCmdletTests(LocalServerFixture server) : IClassFixture<LocalServerFixture>
{
    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    private static PowerShellHost Connected(LocalServerFixture server)
    {
        var ps = new PowerShellHost();
        var connected = ps.Connect(server);
        Assert.Empty(connected.Errors);
        return ps;
    }

    private static Model NewModel(PowerShellHost ps, string name, string extra = "")
    {
        var result = ps.Run($"New-SeeMeModel -Name $args[0] {extra}", name);
        Assert.Empty(result.Errors);
        return Assert.Single(result.OfType<Model>());
    }

    [Fact]
    public void New_Get_Set_and_Remove_a_model()
    {
        using var ps = Connected(server);
        var name = Unique("Crud");
        var model = NewModel(ps, name, "-Description 'first' -Notes 'n'");
        Assert.Equal("first", model.Description);
        Assert.True(model.AutoConvert);
        Assert.False(string.IsNullOrEmpty(model.ActiveVersionId));

        var found = Assert.Single(ps.Run("Get-SeeMeModel -Name $args[0]", name).OfType<Model>());
        Assert.Equal(model.Id, found.Id);

        var set = ps.Run("Set-SeeMeModel -Id $args[0] -Description 'second' -Public -AutoConvert:$false -PassThru", model.Id);
        Assert.Empty(set.Errors);
        var changed = Assert.Single(set.OfType<Model>());
        Assert.Equal("second", changed.Description);
        Assert.True(changed.Public);
        Assert.False(changed.AutoConvert);
        Assert.Equal("n", changed.Notes);

        var priv = Assert.Single(ps.Run("Get-SeeMeModel -Id $args[0] | Set-SeeMeModel -Public:$false -PassThru", model.Id).OfType<Model>());
        Assert.False(priv.Public);

        var removed = ps.Run("Remove-SeeMeModel -Model $args[0] -Confirm:$false -PassThru", model.Id);
        Assert.Empty(removed.Errors);
        Assert.Equal(model.Id, Assert.Single(removed.OfType<Model>()).Id);
        Assert.Contains(ps.Run("Get-SeeMeModel -Id $args[0]", model.Id).Errors, e => e.FullyQualifiedErrorId.StartsWith("ModelNotFound"));
    }

    [Fact]
    public void Public_models_filter_with_Where_Object()
    {
        using var ps = Connected(server);
        var name = Unique("Pub");
        NewModel(ps, name, "-Public");
        NewModel(ps, Unique("Priv"));
        var result = ps.Run("Get-SeeMeModel | Where-Object Public");
        Assert.Empty(result.Errors);
        var models = result.OfType<Model>();
        Assert.All(models, m => Assert.True(m.Public));
        Assert.Contains(models, m => m.Name == name);
    }

    [Fact]
    public void Piping_models_by_name_into_Remove_deletes_them_all()
    {
        using var ps = Connected(server);
        var prefix = Unique("Old");
        var ids = new[] { NewModel(ps, prefix + "a").Id, NewModel(ps, prefix + "b").Id };
        var keep = NewModel(ps, Unique("Keep")).Id;
        var result = ps.Run("Get-SeeMeModel -Name ($args[0] + '*') | Remove-SeeMeModel -Confirm:$false", prefix);
        Assert.Empty(result.Errors);
        using var client = server.SeedUser();
        var left = client.Models.GetAllAsync().Result.Select(m => m.Id).ToList();
        Assert.DoesNotContain(ids[0], left);
        Assert.DoesNotContain(ids[1], left);
        Assert.Contains(keep, left);
    }

    [Fact]
    public void WhatIf_changes_nothing()
    {
        using var ps = Connected(server);
        var model = NewModel(ps, Unique("WhatIf"), "-Description 'before'");
        var result = ps.Run("""
            Set-SeeMeModel -Id $args[0] -Description 'after' -Public -WhatIf
            Remove-SeeMeModel -Id $args[0] -WhatIf
            New-SeeMeModelVersion -ModelId $args[0] -Name 'never' -WhatIf
            New-SeeMeModel -Name 'never-created' -WhatIf
            """, model.Id);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Objects);
        using var client = server.SeedUser();
        var after = client.Models.GetAsync(model.Id).Result;
        Assert.Equal("before", after.Description);
        Assert.False(after.Public);
        Assert.Single(client.ModelVersions.GetAllAsync(model.Id).Result);
        Assert.DoesNotContain(client.Models.GetAllAsync().Result, m => m.Name == "never-created");
    }

    [Fact]
    public void Models_by_wildcard_pipe_into_their_versions_and_versions_are_managed()
    {
        using var ps = Connected(server);
        var prefix = Unique("Cats");
        var a = NewModel(ps, prefix + " one");
        NewModel(ps, prefix + " two");
        var all = ps.Run("Get-SeeMeModel -Name ($args[0] + '*') | Get-SeeMeModelVersion", prefix);
        Assert.Empty(all.Errors);
        Assert.Equal(2, all.OfType<ModelVersion>().Count);

        var created = ps.Run("Get-SeeMeModel -Id $args[0] | New-SeeMeModelVersion -Name 'v2' -Description 'second'", a.Id);
        Assert.Empty(created.Errors);
        var v2 = Assert.Single(created.OfType<ModelVersion>());
        Assert.Equal(a.Id, v2.ModelId);
        Assert.Equal(a.ApplicationId, v2.ApplicationId);

        var byName = ps.Run("Get-SeeMeModelVersion -Model $args[0] -Name 'V2'", a.Id);
        Assert.Equal(v2.Id, Assert.Single(byName.OfType<ModelVersion>()).Id);

        var set = ps.Run("Get-SeeMeModelVersion -Model $args[0] -Id $args[1] | Set-SeeMeModelVersion -Name 'v2b' -PassThru", a.Id, v2.Id);
        Assert.Empty(set.Errors);
        Assert.Equal("v2b", Assert.Single(set.OfType<ModelVersion>()).Name);

        var active = ps.Run("Set-SeeMeModel -Model $args[0] -ActiveVersion $args[1] -PassThru", a.Id, v2.Id);
        Assert.Equal(v2.Id, Assert.Single(active.OfType<Model>()).ActiveVersionId);

        var removed = ps.Run("Remove-SeeMeModelVersion -ModelId $args[0] -VersionId $args[1] -Confirm:$false -PassThru", a.Id, a.ActiveVersionId);
        Assert.Empty(removed.Errors);
        using var client = server.SeedUser();
        Assert.Equal([v2.Id], client.ModelVersions.GetAllAsync(a.Id).Result.Select(v => v.Id));
    }

    [Fact]
    public void A_missing_model_is_a_non_terminating_ObjectNotFound_error_with_the_id_as_target()
    {
        using var ps = Connected(server);
        var id = Guid.NewGuid().ToString();
        var result = ps.Run("Get-SeeMeModel -Id $args[0]; 'went on'", id);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("ModelNotFound,SeeMe.PowerShell.Commands.Models.GetSeeMeModelCommand", error.FullyQualifiedErrorId);
        Assert.Equal(id, error.TargetObject);
        Assert.Contains("went on", result.Objects);

        var versions = ps.Run("Get-SeeMeModelVersion -ModelId $args[0]", id);
        Assert.StartsWith("ModelNotFound", Assert.Single(versions.Errors).FullyQualifiedErrorId); // the model is missing, not a version
    }

    [Fact]
    public void Publish_uploads_with_progress_and_Save_downloads_the_asset()
    {
        using var ps = Connected(server);
        using var files = new TestFiles();
        var onnx = new FileInfo(files.Bytes("model.onnx", OnnxModelBuilder.ImageClassifier()));
        var model = NewModel(ps, Unique("Publish"));

        var published = ps.Run("$args[0] | Publish-SeeMeModel -Model $args[1]", onnx, model);
        Assert.Empty(published.Errors);
        var version = Assert.Single(published.OfType<ModelVersion>());
        Assert.True(version.CanInference);
        Assert.True(version.HasOnnxModel);
        Assert.Contains(published.Progress, p => p.Activity.Contains(model.Name) && p.StatusDescription.Contains("model.onnx"));

        var folder = files.PathOf("downloads");
        var saved = ps.Run("Get-SeeMeModel -Id $args[0] | Save-SeeMeModel -AssetType Onnx -Destination $args[1]", model.Id, folder);
        Assert.Empty(saved.Errors);
        var file = Assert.Single(saved.OfType<FileInfo>());
        Assert.Equal($"{model.Name}-v{version.VersionNumber}.onnx", file.Name); // the model's name and the version, not a version id
        Assert.Equal(onnx.Length, new FileInfo(file.FullName).Length);
        Assert.NotEmpty(saved.Progress);

        var again = ps.Run("Save-SeeMeModel -Model $args[0] -AssetType Onnx -Destination $args[1]", model.Id, folder);
        Assert.Single(again.Errors);
        var forced = ps.Run("Save-SeeMeModel -Model $args[0] -AssetType Onnx -Destination $args[1] -Force", model.Id, folder);
        Assert.Empty(forced.Errors);
    }

    [Fact]
    public void Publishing_an_onnx_file_that_does_not_load_is_an_error_that_says_so_and_the_model_cannot_predict()
    {
        using var ps = Connected(server);
        using var files = new TestFiles();
        var model = Assert.Single(ps.Run("New-SeeMeModel -Name $args[0]", Unique("Broken")).OfType<Model>());

        var result = ps.Run("Publish-SeeMeModel -Model $args[0] -LiteralPath $args[1]; Get-SeeMeModel -Id $args[0].Id", model, files.Bytes("random.onnx", [0x08, 0x07, 1, 2, 3, 4, 5]));

        var error = Assert.Single(result.Errors);
        Assert.Equal("ModelInvalidData,SeeMe.PowerShell.Commands.Models.PublishSeeMeModelCommand", error.FullyQualifiedErrorId);
        Assert.Contains("The .onnx file 'random.onnx' could not be loaded: ", error.Exception.Message);
        Assert.False(Assert.Single(result.OfType<Model>()).CanInference);
    }

    [Fact]
    public void Publish_of_a_missing_file_fails_before_any_upload()
    {
        using var ps = Connected(server);
        using var files = new TestFiles();
        var model = NewModel(ps, Unique("Missing"));
        var result = ps.Run("Publish-SeeMeModel -Model $args[0] -LiteralPath $args[1]", model.Id, files.PathOf("nope.onnx"));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ModelFileNotFound", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Empty(result.Progress);
        using var client = server.SeedUser();
        Assert.False(client.Models.GetAsync(model.Id).Result.HasOnnxModel);
    }

    [Fact]
    public void Logos_are_set_and_saved()
    {
        using var ps = Connected(server);
        using var files = new TestFiles();
        var png = files.Image("logo.png", TestImages.Red);
        var model = NewModel(ps, Unique("Logo"));
        var set = ps.Run("Get-SeeMeModel -Id $args[0] | Set-SeeMeModelLogo -Path $args[1] -PassThru", model.Id, png);
        Assert.Empty(set.Errors);
        Assert.True(Assert.Single(set.OfType<Model>()).HasLogo);

        var saved = ps.Run("Save-SeeMeModelLogo -Model $args[0] -Destination $args[1]", model.Id, files.PathOf("logos"));
        Assert.Empty(saved.Errors);
        Assert.True(Assert.Single(saved.OfType<FileInfo>()).Exists);

        var wrong = ps.Run("Set-SeeMeModelLogo -Model $args[0] -Path $args[1]", model.Id, files.Text("logo.txt", "not an image"));
        Assert.StartsWith("ModelLogoInvalidArgument", Assert.Single(wrong.Errors).FullyQualifiedErrorId);
    }

    [Fact]
    public void The_api_key_never_appears_in_any_stream()
    {
        using var ps = new PowerShellHost();
        var result = ps.Run("""
            $s = Connect-SeeMe -BaseUri $args[0] -Username $args[1] -ApiKey $args[2] -Verbose -Debug
            $s; $s | Format-List * | Out-String
            $m = New-SeeMeModel -Name $args[3] -Verbose -Debug
            Get-SeeMeModel -Id $m.Id -Verbose -Debug
            Get-SeeMeModel -Id 'does-not-exist' -Verbose -Debug
            Set-SeeMeModel -Model $m -Description 'x' -PassThru -Verbose -Debug
            Remove-SeeMeModel -Model $m -Confirm:$false -Verbose -Debug
            """, server.BaseUri, server.Username, PowerShellHost.Secure(server.ApiKey), Unique("Key"));
        Assert.NotEmpty(result.Objects);
        Assert.DoesNotContain(server.ApiKey, result.AllText());
    }
}
