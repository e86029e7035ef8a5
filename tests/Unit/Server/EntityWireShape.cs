using System.Text.Json.Nodes;
using SeeMe.Tests.Wire;

namespace SeeMe.Tests.Server;

/// <summary>
/// Asserts the wire shape of a reply: the entity as <see cref="WireContract.Shapes"/> writes it
/// (docs/wire-contract.md, "Entities"), held to the reply rules (every key present, strings "" not null,
/// lists [] not null, ids non-empty).
/// </summary>
public static class EntityWireShape
{
    /// <summary>Asserts that <paramref name="node"/> is a complete <paramref name="entity"/> (and its nested items are too).</summary>
    public static void Assert(string entity, JsonNode node)
    {
        var problems = WireContract.ReplyProblems(entity, node).ToList();
        Xunit.Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static void AssertAll(string entity, JsonNode list)
    {
        foreach (var node in Xunit.Assert.IsType<JsonArray>(list)) Assert(entity, node);
    }
}
