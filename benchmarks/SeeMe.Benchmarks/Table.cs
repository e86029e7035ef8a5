namespace SeeMe.Benchmarks;

/// <summary>A Markdown table, so the output can go into the README as it is.</summary>
internal sealed class Table(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public void Print(string note)
    {
        Console.WriteLine();
        Console.WriteLine($"**{title}**");
        Console.WriteLine();
        Console.WriteLine("| " + string.Join(" | ", headers) + " |");
        Console.WriteLine("|" + string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|")));
        foreach (var row in _rows) Console.WriteLine("| " + string.Join(" | ", row) + " |");
        Console.WriteLine();
        Console.WriteLine(note);
    }
}
