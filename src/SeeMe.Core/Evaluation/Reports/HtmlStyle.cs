namespace SeeMe.Core.Evaluation
{
    /// <summary>The HTML report's one stylesheet: system fonts, no external resource, light and dark.</summary>
    internal static class HtmlStyle
    {
        public const string Css = @"
:root { --fg: #0f172a; --muted: #64748b; --line: #e2e8f0; --bg: #f8fafc; --card: #ffffff; --accent: #2563eb;
  --pass: #15803d; --pass-bg: #dcfce7; --fail: #b91c1c; --fail-bg: #fee2e2; --truth: #16a34a; --pred: #e11d48; }
@media (prefers-color-scheme: dark) { :root { --fg: #e2e8f0; --muted: #94a3b8; --line: #334155; --bg: #0f172a; --card: #1e293b;
  --pass-bg: #14532d; --pass: #bbf7d0; --fail-bg: #7f1d1d; --fail: #fecaca; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 24px 48px; }
h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 18px; margin: 0 0 12px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 20px 24px; margin: 20px 0; overflow-x: auto; }
.muted { color: var(--muted); }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted); margin: 0 0 6px; }
header.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 24px; flex-wrap: wrap; }
.verdict { font-weight: 700; font-size: 18px; padding: 10px 18px; border-radius: 999px; white-space: nowrap; }
.pass { color: var(--pass); background: var(--pass-bg); }
.fail { color: var(--fail); background: var(--fail-bg); }
.neutral { color: var(--muted); background: var(--line); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; background: none; border: 0; padding: 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 16px 18px; }
.card .name { font-size: 13px; color: var(--muted); }
.card .value { font-size: 28px; font-weight: 650; font-variant-numeric: tabular-nums; }
.card.headline { border-color: var(--accent); box-shadow: inset 0 3px 0 var(--accent); }
.delta { font-size: 13px; font-variant-numeric: tabular-nums; }
.up { color: var(--pass); } .down { color: var(--fail); }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; }
.pill { display: inline-block; font-size: 12px; font-weight: 700; padding: 2px 10px; border-radius: 999px; }
.bar { position: relative; min-width: 90px; }
.bar span { position: absolute; left: 0; top: 22%; bottom: 22%; background: var(--accent); opacity: .14; border-radius: 3px; }
.matrix svg { max-width: 100%; height: auto; font-family: inherit; }
.gallery { display: grid; grid-template-columns: repeat(auto-fill, minmax(210px, 1fr)); gap: 14px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 10px; overflow: hidden; background: var(--bg); }
figure img, figure svg { display: block; width: 100%; height: 190px; object-fit: contain; background: #0b1220; }
figure blockquote { margin: 0; padding: 12px; height: 190px; overflow: hidden; font-size: 13px; white-space: pre-wrap; word-break: break-word; }
figcaption { padding: 8px 10px; font-size: 13px; border-top: 1px solid var(--line); word-break: break-word; }
figcaption b { font-weight: 600; }
.legend { display: flex; gap: 18px; font-size: 13px; margin-bottom: 12px; }
.swatch { display: inline-block; width: 14px; height: 10px; border: 2px solid; margin-right: 6px; vertical-align: middle; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 28px; }
";
    }
}
