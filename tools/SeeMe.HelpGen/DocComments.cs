using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SeeMe.HelpGen;

/// <summary>The compiler's XML doc file: &lt;para type="synopsis|description"&gt; and &lt;example&gt; per member.</summary>
public sealed class DocComments(XDocument document)
{
    private readonly Dictionary<string, XElement> _members = document.Descendants("member")
        .GroupBy(m => (string)m.Attribute("name")!).ToDictionary(g => g.Key, g => g.First());

    public string Para(string member, string type) =>
        Text(Summary(member)?.Elements("para").FirstOrDefault(p => (string?)p.Attribute("type") == type));

    /// <summary>The description para, or the summary's plain text when it has none (inherited base-class members).</summary>
    public string Description(string member)
    {
        var typed = Para(member, "description");
        if (typed.Length > 0) return typed;
        var summary = Summary(member);
        return summary == null ? "" : Text(new XElement("s", summary.Nodes().Where(n => n is not XElement e || e.Name != "example")));
    }

    public IReadOnlyList<(string Code, string Remarks)> Examples(string member) =>
        (Summary(member)?.Elements("example") ?? []).Concat(_members.GetValueOrDefault(member)?.Elements("example") ?? [])
        .Select(e => (Text(e.Element("code")), Text(e.Element("para")))).ToList();

    private XElement? Summary(string member) => _members.GetValueOrDefault(member)?.Element("summary");

    private static string Text(XElement? element) =>
        element == null ? "" : Regex.Replace(string.Concat(element.DescendantNodes().OfType<XText>().Select(t => t.Value)), @"\s+", " ").Trim();
}
