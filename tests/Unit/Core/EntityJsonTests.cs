using Newtonsoft.Json.Linq;
using SeeMe.Core.Http;
using SeeMe.Core.Entities;

namespace SeeMe.Tests.Core;

/// <summary>The wire mapping of the entities, without a server.</summary>
public sealed class EntityJsonTests
{
    [Fact]
    public void Timestamps_with_nanoseconds_as_the_service_writes_them_parse()
    {
        var model = SeeMeJson.Deserialize<Model>("""{"id":"m1","created_at":"2021-10-28T08:49:06.698391719Z","name":"x"}""");
        Assert.Equal(new DateTimeOffset(2021, 10, 28, 8, 49, 6, TimeSpan.Zero).AddTicks(6983917), model.CreatedAt);
    }

    [Fact]
    public void Snake_case_fields_map_to_pascal_case_properties_and_back()
    {
        var model = SeeMeJson.Deserialize<Model>("""{"id":"m1","active_version_id":"v1","can_inference":true,"has_onnx_int8_model":true,"privacy_enabled":true}""");
        Assert.Equal("v1", model.ActiveVersionId);
        Assert.True(model.CanInference);
        Assert.True(model.HasOnnxInt8Model);
        var json = JObject.Parse(SeeMeJson.Serialize(model));
        Assert.Equal("v1", (string)json["active_version_id"]);
        Assert.True((bool)json["auto_convert"]);
    }

    [Fact]
    public void Unknown_fields_are_kept_and_sent_back()
    {
        var item = SeeMeJson.Deserialize<DatasetItem>("""{"id":"i1","name":"a","future":{"x":1}}""");
        Assert.Equal(1, (int)item.GetUnknownField("future")!["x"]!);
        var json = JObject.Parse(SeeMeJson.Serialize(item));
        Assert.Equal(1, (int)json["future"]!["x"]!);
    }

    // Nested objects too: a PUT of the parent sends them back whole.
    [Theory]
    [InlineData(typeof(Job), """{"id":"j","items":[{"id":"ji","job_id":"j","name":"e","value":5,"value_type":"int","label":"E","future":1}]}""", "items")]
    [InlineData(typeof(Prediction), """{"id":"p","inference_items":[{"id":"pi","prediction":"cat","future":1}]}""", "inference_items")]
    [InlineData(typeof(DatasetItem), """{"id":"i","splits":[{"id":"s","name":"train","future":1}],"annotations":[{"id":"a","label_id":"l","future":1}]}""", "splits")]
    [InlineData(typeof(DatasetItem), """{"id":"i","splits":[],"annotations":[{"id":"a","label_id":"l","future":1}]}""", "annotations")]
    [InlineData(typeof(DatasetVersion), """{"id":"v","labels":[{"id":"l","future":1}],"splits":[]}""", "labels")]
    public void Unknown_fields_of_nested_objects_are_kept_and_sent_back(Type type, string json, string list)
    {
        var entity = Newtonsoft.Json.JsonConvert.DeserializeObject(json, type, SeeMeJson.Settings)!;
        var sent = JObject.Parse(SeeMeJson.Serialize(entity));
        var nested = (JObject)sent[list]![0]!;
        Assert.Equal(1, (int)nested["future"]!);
        foreach (var (key, value) in (JObject)JObject.Parse(json)[list]![0]!) Assert.True(JToken.DeepEquals(value, nested[key]), $"{list}[0].{key} changed: {nested[key]}");
    }

    [Fact]
    public void A_share_keeps_unknown_fields_and_is_sent_without_invite_by_default()
    {
        var share = SeeMeJson.Deserialize<Share>("""{"id":"s","email":"a@b.c","future":1}""");
        Assert.Equal(1, (int)share.GetUnknownField("future")!);
        Assert.True((bool)JObject.Parse(SeeMeJson.Serialize(new Share()))["without_invite"]!);
    }

    [Fact]
    public void Job_items_are_typed_by_their_value_type_and_a_new_version_has_no_number()
    {
        var items = new[] { JobItem.For("epochs", 5), JobItem.For("lr", 0.5m), JobItem.For("augment", true), JobItem.For("arch", "resnet") };
        var sent = JArray.Parse(SeeMeJson.Serialize(items));
        Assert.Equal(["int", "float", "boolean", "text"], sent.Select(i => (string)i["value_type"]));
        Assert.Equal([JTokenType.Integer, JTokenType.Float, JTokenType.Boolean, JTokenType.String], sent.Select(i => i["value"]!.Type));
        Assert.All(sent, i => Assert.Equal((string)i["name"], (string)i["label"]));
        Assert.Equal(JTokenType.Null, JObject.Parse(SeeMeJson.Serialize(new ModelVersion { Name = "v" }))["version_number"]!.Type);
    }

    [Fact]
    public void Parent_ids_the_client_adds_are_not_sent_to_the_server()
    {
        var item = new DatasetItem { Id = "i1", DatasetId = "d1", DatasetVersionId = "v1" };
        var json = JObject.Parse(SeeMeJson.Serialize(item));
        Assert.Null(json["dataset_id"]);
        Assert.Null(json["dataset_version_id"]);
        Assert.NotNull(json["annotations"]);
    }

    [Fact]
    public void A_prediction_maps_prediction_to_Label_and_keeps_its_items()
    {
        var prediction = SeeMeJson.Deserialize<Prediction>("""{"id":"p","prediction":"cat","confidence":0.9,"inference_items":[{"id":"a","prediction":"cat","confidence":0.9,"coordinates":"0.5 0.5 0.1 0.1"}]}""");
        Assert.Equal("cat", prediction.Label);
        Assert.Equal("0.5 0.5 0.1 0.1", Assert.Single(prediction.Items).Coordinates);
    }

    [Fact]
    public void A_deep_copy_keeps_parent_ids_and_unknown_fields_and_is_independent()
    {
        var item = SeeMeJson.Deserialize<DatasetItem>("""{"id":"i1","name":"a","future":1,"annotations":[{"id":"x","label_id":"l"}]}""");
        item.DatasetId = "d1";
        item.DatasetVersionId = "v1";

        var copy = item.DeepCopy();
        copy.Name = "b";
        copy.Annotations.Clear();

        Assert.Equal(("d1", "v1"), (copy.DatasetId, copy.DatasetVersionId));
        Assert.Equal(1, (int)copy.GetUnknownField("future")!);
        Assert.Equal("a", item.Name);
        Assert.Single(item.Annotations);
        Assert.Equal("d1", new DatasetLabel { DatasetId = "d1" }.DeepCopy().DatasetId);
        Assert.Equal("v1", new Annotation { DatasetVersionId = "v1" }.DeepCopy().DatasetVersionId);
    }

    [Theory]
    [InlineData(ModelAssetType.Pkl, "v.pkl")]
    [InlineData(ModelAssetType.Onnx, "v.onnx")]
    [InlineData(ModelAssetType.Labels, "v.txt")]
    [InlineData(ModelAssetType.OnnxInt8, "v_int8.onnx")]
    [InlineData(ModelAssetType.ConversionCfg, "v_conversion.cfg")]
    [InlineData(ModelAssetType.Mlmodel, "v.mlmodel")]
    public void Asset_files_are_named_as_the_sdk_names_them(ModelAssetType asset, string expected) =>
        Assert.Equal(expected, asset.FileName("v"));

    [Theory]
    [InlineData("Cats and dogs", 3, "", ModelAssetType.Onnx, "Cats and dogs-v3.onnx")]
    [InlineData("Cats and dogs", 3, "", ModelAssetType.Labels, "Cats and dogs-v3.txt")]
    [InlineData("Cats and dogs", 3, "", ModelAssetType.OnnxInt8, "Cats and dogs-v3_int8.onnx")]
    [InlineData("Birds: v2/test?", 1, "", ModelAssetType.Pkl, "Birds_ v2_test_-v1.pkl")]
    [InlineData("Pets", null, "build 7", ModelAssetType.Onnx, "Pets-build 7.onnx")]
    [InlineData("Pets", null, "", ModelAssetType.Onnx, "Pets-vid.onnx")]
    [InlineData("Pets", null, "ends in dots..", ModelAssetType.Onnx, "Pets-ends in dots__.onnx")]
    public void Saved_model_files_carry_the_models_name_and_version_safe_for_any_file_system(string model, int? number, string versionName, ModelAssetType asset, string expected) =>
        Assert.Equal(expected, asset.FileName(model, new ModelVersion { Id = "vid", Name = versionName, VersionNumber = number }));

    [Theory]
    [InlineData("logo.png", "logo.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Windows\\evil.png", "evil.png")]
    [InlineData("/abs/path/x.jpg", "x.jpg")]
    [InlineData("..", "fallback.png")]
    [InlineData("", "fallback.png")]
    public void Server_given_file_names_are_reduced_to_bare_names(string given, string expected) =>
        Assert.Equal(expected, SeeMe.Core.Files.LocalFiles.SafeFileName(given, "fallback.png"));
}
