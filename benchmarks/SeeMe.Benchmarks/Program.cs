using SeeMe.Benchmarks;

// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- transfer [--size-mb 1024]
// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- predict [--count 1000] [--concurrency 4]
// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- cmdlets [--calls 200] [--files 500] [--round-trip-ms 20]
// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- items [--sizes 1000,10000] [--repeat 25] [--export-repeat 3] [--sync-images 5000] [--round-trip-ms 20]
// dotnet run -c Release --project benchmarks/SeeMe.Benchmarks -- labels [--sizes 10000,100000]
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
    case "cmdlets":
        await CmdletBenchmark.RunAsync((int)Option("--calls", 200), (int)Option("--files", 500), (int)Option("--round-trip-ms", 20), configuration);
        break;
    case "items":
        await ItemsBenchmark.RunAsync(args, configuration);
        break;
    case "labels":
        await LabelsBenchmark.RunAsync(args, configuration);
        break;
    default:
        Console.WriteLine("""
            Usage: SeeMe.Benchmarks <mode> [options]
              transfer [--size-mb N]                  upload and download one N MiB model file (default 1024)
              predict [--count N] [--concurrency C]   N image predictions with a real ONNX model, sequential and C at a time (defaults 1000, 4)
              cmdlets [--calls N] [--files F] [--round-trip-ms R]
                                                      the cmdlets in the PowerShell engine: per-call cost over N calls; Invoke-SeeMePrediction,
                                                      Save-SeeMeDatasetItemImage and Test-SeeMeModel (beside the download-predict-compare loop)
                                                      over F files with -ThrottleLimit 1/2/4/8, on loopback and behind R ms (defaults 200, 500, 20)
              items [--sizes A,B,...] [--repeat N] [--export-repeat E] [--sync-images S] [--round-trip-ms R]
                                                      the server with versions of A, B, ... annotated items: item pages (plain and filtered), POST one item,
                                                      and per item the import that grew the version and an export of the whole version (median of E, default 3);
                                                      then a first sync of S images (default 5000; 0 leaves it out) beside their import, a no-change sync beside a
                                                      listing, and behind R ms (default 20) the largest version listed by Get-SeeMeDatasetItem beside the SDK's page loop
              labels [--sizes A,B,...]                a folders zip of A, B, ... empty label folders imported into a fresh version (defaults 10000,100000)
            """);
        break;
}
