using SeeMe.Core.Evaluation;

namespace SeeMe.Tests.Core;

/// <summary>Dataset labels against a model version's classes, through a label map (dataset label → model class).</summary>
public sealed class LabelMatchTests
{
    private static readonly string[] Labels = ["cat", "dog", "bird"];

    private static LabelMatch Match(string classes, Dictionary<string, string> map = null) =>
        LabelMatch.Create(Labels, classes, map, "dv1", "v1");

    [Fact]
    public void The_same_names_in_any_order_match_and_the_datasets_order_is_kept()
    {
        var match = Match(" bird,cat , dog");

        Assert.True(match.Checked);
        Assert.Equal(Labels, match.Labels);
        Assert.Equal("dog", match.ToDatasetLabel("dog"));
    }

    [Fact]
    public void A_map_renames_dataset_labels_and_predictions_come_back_under_the_datasets_names()
    {
        var match = Match("Cat,Dog,bird", new() { ["cat"] = "Cat", ["dog"] = "Dog" });

        Assert.Equal("cat", match.ToDatasetLabel("Cat"));
        Assert.Equal("bird", match.ToDatasetLabel("bird"));
        Assert.Equal("fish", match.ToDatasetLabel("fish")); // a class nothing maps to keeps its name, and counts as wrong
    }

    [Fact]
    public void Names_on_one_side_only_are_listed_side_by_side()
    {
        var e = Assert.Throws<EvaluationLabelMismatchException>(() => Match("cat,dog,fish,Bird"));

        Assert.Equal(["bird"], e.OnlyInDataset);
        Assert.Equal(["fish", "Bird"], e.OnlyInModel);
        Assert.Contains("Only in the dataset: 'bird'. Only in the model: 'fish', 'Bird'.", e.Message);
        Assert.Contains("dataset version 'dv1'", e.Message);
        Assert.Contains("model version 'v1'", e.Message);
    }

    [Fact]
    public void A_version_without_classes_cannot_be_checked_up_front()
    {
        var match = Match("", new() { ["cat"] = "Cat" });

        Assert.False(match.Checked);
        Assert.Equal("cat", match.ToDatasetLabel("Cat"));
    }

    [Fact]
    public void A_map_must_name_dataset_labels_and_give_each_a_class_of_its_own()
    {
        Assert.Contains("'cow'", Assert.Throws<ArgumentException>(() => Match("cat,dog,bird", new() { ["cow"] = "cat" })).Message);
        Assert.Contains("'cat', 'dog' would all be the model class 'pet'",
            Assert.Throws<ArgumentException>(() => Match("pet,bird", new() { ["cat"] = "pet", ["dog"] = "pet" })).Message);
        Assert.Contains("no model class", Assert.Throws<ArgumentException>(() => Match("cat,dog,bird", new() { ["cat"] = " " })).Message);
    }
}
