using System.Diagnostics;
using System.Text.Json;

namespace SeeMe.Benchmarks;

/// <summary>
/// The Python SDK's way of making the same calls, for a baseline in the same run: the SDK itself
/// cannot be installed here, so this runs the HTTP layer it is built on exactly as it uses it
/// (module-level <c>requests.get/post</c>, a new connection per call, the raw Authorization header,
/// <c>raise_for_status()</c> and <c>r.json()</c>; downloads read <c>r.content</c> and write the file),
/// without the SDK's pydantic validation, so it is if anything faster than the SDK. Absent when
/// python3 with requests is not installed.
/// </summary>
public sealed class PythonRequests
{
    private const string Script = """
        import json, sys, time, requests
        job = json.load(open(sys.argv[1]))
        base, headers, kind = job["base"], {"Authorization": job["auth"]}, job["kind"]
        def get_model(model_id):
            r = requests.get(base + "models/" + model_id, headers=headers); r.raise_for_status(); return r.json()
        def create_item(path, name):
            r = requests.post(base + path, data=json.dumps({"name": name, "text": name}), headers=headers); r.raise_for_status(); return r.json()
        def predict(model_id, file):
            with open(file, "rb") as f:
                r = requests.post(base + "inferences/" + model_id, files={"file": (file.split("/")[-1], f, "application/octet-stream")}, headers=headers)
            r.raise_for_status(); return r.json()["prediction"]
        def list_items(path, page_size):
            items, page = [], 0
            while True:
                r = requests.get(base + path, params={"pageSize": page_size, "pageCount": page}, headers=headers); r.raise_for_status()
                batch = r.json(); items.extend(i["name"] for i in batch); page += 1
                if len(batch) < page_size: return items
        def download(path, file):
            r = requests.get(base + path, allow_redirects=True, headers=headers); r.raise_for_status()
            open(file, "wb").write(r.content)
        def evaluate(model_id, path, file):
            download(path, file); return predict(model_id, file)
        answers = []
        start = time.perf_counter()
        for call in job["calls"]:
            if kind == "get_model": get_model(call)
            elif kind == "create_item": create_item(job["path"], call)
            elif kind == "predict": answers.append(predict(job["model"], call))
            elif kind == "download": download(call[0], call[1])
            elif kind == "evaluate": answers.append(evaluate(job["model"], call[0], call[1]))
            elif kind == "list_items": answers.extend(list_items(job["path"], call))
        elapsed = time.perf_counter() - start
        print(json.dumps({"seconds": elapsed, "answers": answers}))
        """;

    private readonly string _script;

    private PythonRequests(string script) => _script = script;

    /// <summary>The baseline, or null (with the reason printed) when python3 or requests is missing.</summary>
    public static PythonRequests? TryCreate(string workFolder)
    {
        var script = Path.Combine(workFolder, "sdk_calls.py");
        File.WriteAllText(script, Script);
        try
        {
            var check = Start("-c \"import requests\"");
            check.WaitForExit();
            if (check.ExitCode == 0) return new PythonRequests(script);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // no python3
        }
        Console.WriteLine("(python3 with requests not found: the Python rows are left out)");
        return null;
    }

    /// <summary>Runs the calls in one Python process; returns the time of the loop alone and the answers (predictions, or listed item names).</summary>
    public (TimeSpan Time, string[] Answers) Run(Uri baseUri, string auth, string kind, IEnumerable<object> calls, string? path = null, string? model = null)
    {
        var job = Path.Combine(Path.GetDirectoryName(_script)!, "job.json");
        File.WriteAllText(job, JsonSerializer.Serialize(new { @base = baseUri.AbsoluteUri, auth, kind, calls, path, model }));
        using var python = Start($"\"{_script}\" \"{job}\"");
        var output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        if (python.ExitCode != 0) throw new InvalidOperationException("The Python baseline failed: " + python.StandardError.ReadToEnd());
        using var reply = JsonDocument.Parse(output);
        var seconds = reply.RootElement.GetProperty("seconds").GetDouble();
        var answers = reply.RootElement.GetProperty("answers").EnumerateArray().Select(a => a.GetString()!).ToArray();
        return (TimeSpan.FromSeconds(seconds), answers);
    }

    private static Process Start(string arguments) => Process.Start(new ProcessStartInfo("python3", arguments)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    })!;
}
