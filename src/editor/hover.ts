// Hover on a layer call: its name and class, input → output shape, the parameter formula and the trainable split.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { LayerSummary, ModelSummaryEntry } from '../analysis/summary/types';
import { formatCount } from '../analysis/summary/format';
import { outputShapeText } from './lineFigures';

function contains(l: LayerSummary, pos: vscode.Position): boolean {
  const { start, end } = l.range;
  if (pos.line < start.line || pos.line > end.line) return false;
  if (pos.line === start.line && pos.character < start.character) return false;
  if (pos.line === end.line && pos.character > end.character) return false;
  return true;
}

export function layerHoverMarkdown(l: LayerSummary, model: ModelSummaryEntry, instances: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportThemeIcons = true;
  const ins = l.inputShapes.map((s) => outputShapeText(s)).join(', ');
  md.appendMarkdown(`**${l.name}** \`${l.type}\` — in model \`${model.name}\`${instances > 1 ? ` · one of ${instances} layers created here` : ''}\n\n`);
  if (l.type !== 'InputLayer') md.appendMarkdown(`${ins ? `\`${ins}\` → ` : ''}\`${outputShapeText(l.outputShape)}\`\n\n`);
  if (l.unbuilt) {
    md.appendMarkdown(`Parameters: **?** — ${l.unknownReason ?? 'the model is not built'}\n\n`);
  } else if (l.params === null) {
    md.appendMarkdown(`Parameters: **?** — ${l.unknownReason ?? 'unknown'}\n\n`);
  } else if (l.paramsExplanation) {
    md.appendMarkdown(`Parameters: \`${l.paramsExplanation}\`\n\n`);
    if (l.nonTrainableParams) {
      md.appendMarkdown(`Trainable ${formatCount(l.trainableParams ?? 0)} · non-trainable ${formatCount(l.nonTrainableParams)}\n\n`);
    }
  } else {
    md.appendMarkdown('No parameters\n\n');
  }
  // The in → out line is already above: show only how the shape follows, when the rule says.
  const how = l.shapeExplanation.includes(': ') ? l.shapeExplanation.slice(l.shapeExplanation.indexOf(': ') + 2) : '';
  if (how && l.type !== 'InputLayer') md.appendMarkdown(`*Shape:* ${escape(how)}`);
  return md;
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);
}

export class LayerHoverProvider implements vscode.HoverProvider {
  constructor(private readonly analysis: AnalysisService) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const r = await this.analysis.get(doc);
    if (!r) return undefined;
    // The innermost layer call under the cursor (a Dense inside Bidirectional(...) wins over the wrapper).
    let best: { l: LayerSummary; m: ModelSummaryEntry } | undefined;
    const sameSite: LayerSummary[] = [];
    for (const m of r.summary.models) {
      for (const l of m.layers) {
        if (!contains(l, pos)) continue;
        if (!best || span(l) < span(best.l)) best = { l, m };
      }
    }
    if (!best) return undefined;
    for (const m of r.summary.models) for (const l of m.layers) {
      if (l.range.start.line === best.l.range.start.line && l.range.start.character === best.l.range.start.character && !sameSite.some((x) => x.name === l.name)) sameSite.push(l);
    }
    const { start, end } = best.l.range;
    return new vscode.Hover(layerHoverMarkdown(best.l, best.m, sameSite.length), new vscode.Range(start.line, start.character, end.line, end.character));
  }
}

function span(l: LayerSummary): number {
  return (l.range.end.line - l.range.start.line) * 10_000 + (l.range.end.character - l.range.start.character);
}
