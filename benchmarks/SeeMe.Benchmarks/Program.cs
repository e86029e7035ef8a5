using SeeMe.Benchmarks;

// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- transfer [--size-mb 1024]
// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- predict [--count 1000] [--concurrency 4]
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
    case "predict":
        await PredictBenchmark.RunAsync((int)Option("--count", 1000), (int)Option("--concurrency", 4), configuration);
        break;
    case "items": await ItemsBenchmark.RunAsync(args, configuration); break;
    default:
        Console.WriteLine("""
            Usage: SeeMe.Benchmarks <mode> [options]
              transfer [--size-mb N]                  upload and download one N MiB model file (default 1024)
              predict [--count N] [--concurrency C]   N image predictions with a real ONNX model, sequential and C at a time (defaults 1000, 4)
            """);
        break;
}
