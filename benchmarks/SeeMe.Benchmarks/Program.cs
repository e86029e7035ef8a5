using SeeMe.Benchmarks;

// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- transfer [--size-mb 1024]
var mode = args.FirstOrDefault() ?? "help";
long Option(string name, long fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? long.Parse(args[i + 1]) : fallback;
}
var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

switch (mode)
{
    case "transfer":
        await TransferBenchmark.RunAsync(Option("--size-mb", 1024), configuration);
        break;
    default:
        Console.WriteLine("Usage: SeeMe.Benchmarks transfer [--size-mb N]");
        break;
}
