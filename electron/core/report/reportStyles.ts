// The report's stylesheet, inlined in the page: light and print-friendly (tables and charts keep
// together on paper), with a dark variant for screens that ask for one. System fonts only. The
// chart colours are the review's (shared/charts/chartStyle.ts).
import { COMPARED_RUNS_PALETTE, paletteDeclarations } from '../../../shared/charts/chartStyle';

const runDeclarations = (theme: 'light' | 'dark') => COMPARED_RUNS_PALETTE.map((colour, index) => `--run-${index + 1}: ${colour[theme]};`).join(' ');

export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  ${paletteDeclarations('light')} ${runDeclarations('light')}
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #5b5bd6;
  --good: #1a7f37; --bad: #cf222e; --mark: #fff1a8; --added: #e6ffec; --removed: #ffebe9;
  --chart-grid: #e5e7eb; --chart-axis: #8c959f; --chart-text: #4b5563;
}
@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3; --muted: #9198a1; --line: #3d444d; --soft: #151b23; --accent: #8b8cf2;
    --good: #3fb950; --bad: #f85149; --mark: #5c4a00; --added: #12361e; --removed: #4a1717;
    --chart-grid: #30363d; --chart-axis: #6e7681; --chart-text: #9198a1;
    ${paletteDeclarations('dark')} ${runDeclarations('dark')}
  }
  body { background: #0d1117; }
}
* { box-sizing: border-box; }
body { margin: 0; color: var(--text); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 28px 32px 48px; }
header.report { border-bottom: 2px solid var(--accent); margin-bottom: 20px; padding-bottom: 12px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 14px; margin: 20px 0 6px; }
.subtitle, .muted, .caption, .generated { color: var(--muted); }
.caption { font-size: 12px; margin: 8px 0 4px; }
.generated { font-size: 12px; margin-top: 40px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--soft); }
.figure-label { font-size: 12px; color: var(--muted); }
.figure-value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure-note { font-size: 12px; color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr)); gap: 16px; }
figure.chart { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 13px; margin-bottom: 6px; }
figure.chart > svg { display: block; width: 100%; height: auto; max-width: 560px; }
figure.chart .grid { stroke: var(--chart-grid); stroke-width: 1; }
figure.chart .axis { stroke: var(--chart-axis); stroke-width: 1; }
figure.chart text { fill: var(--chart-text); font-size: 11px; font-family: inherit; }
figure.chart .label { font-size: 12px; }
figure.chart .empty { font-style: italic; font-size: 13px; }
figure.chart .value { font-size: 10px; }
figure.chart .line { fill: none; stroke-width: 2.25; stroke-linejoin: round; }
figure.chart .interval { fill: none; stroke-width: 1.5; opacity: 0.75; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 6px 0 0; font-size: 12px; }
ul.legend li { display: flex; align-items: center; gap: 6px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 12px; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody th { font-weight: 500; color: var(--muted); white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
.bad { color: var(--bad); }
.delta { font-weight: 600; }
.pass-overall { font-size: 15px; margin: 4px 0; }
tr.overall th, tr.overall td { font-weight: 600; color: inherit; border-bottom-width: 2px; }
tr { break-inside: avoid; }
pre { margin: 0; padding: 10px 12px; background: var(--soft); border: 1px solid var(--line); border-radius: 6px;
  white-space: pre-wrap; overflow-wrap: anywhere; font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre.prompt { max-width: 100%; }
section.cell { break-inside: avoid; border-top: 1px solid var(--line); padding-top: 4px; }
h2 + section.cell { border-top: none; padding-top: 0; }
.sample { margin-left: 16px; }
.stars { color: #b7791f; letter-spacing: 1px; }
.note { margin: 4px 0 0; padding-left: 10px; border-left: 3px solid var(--accent); font-style: italic; }
ul.summary { margin: 0; padding-left: 20px; }
ul.summary li { margin: 2px 0; }
.diff { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.diff-line { display: grid; grid-template-columns: 1.4em 1fr; padding: 0 10px; min-height: 1.45em; }
.diff-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.diff-line.added { background: var(--added); }
.diff-line.removed { background: var(--removed); }
.diff-line mark { background: var(--mark); color: inherit; border-radius: 2px; }
.diff-sign { color: var(--muted); user-select: none; }
@media print {
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  .table-wrap { overflow: visible; }
  figure.chart, pre, .figure { background: none; }
}
`;
