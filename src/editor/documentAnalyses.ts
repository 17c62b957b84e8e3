// The open documents' incremental analyses, by document key; used in the worker thread (and in-process
// when the worker cannot start). No `vscode` here: the worker bundle runs outside the extension host.
import { analyzeSource, type AnalysisOptions } from '../analysis/engine';
import { DocumentAnalysis } from '../analysis/incremental/documentAnalysis';
import type { FileSummary } from '../analysis/summary/types';

export class DocumentAnalyses {
  private readonly docs = new Map<string, { analysis: DocumentAnalysis; options: string }>();

  /** Analyses a document's new text, reusing what its previous text's analysis can lend. */
  update(doc: string, text: string, file: string, options: AnalysisOptions): FileSummary {
    const optionsKey = JSON.stringify(options);
    let entry = this.docs.get(doc);
    if (!entry || entry.options !== optionsKey || entry.analysis.file !== file) {
      entry?.analysis.dispose();
      entry = { analysis: new DocumentAnalysis(file, options), options: optionsKey };
      this.docs.set(doc, entry);
    }
    try {
      return entry.analysis.update(text);
    } catch {
      // The incremental state is suspect after a throw: start the document afresh.
      this.close(doc);
      return analyzeSource(text, file, options);
    }
  }

  /** Work for an idle moment: makes the document's next update incremental (see DocumentAnalysis.prepare). */
  prepare(doc: string): void {
    try {
      this.docs.get(doc)?.analysis.prepare();
    } catch {
      this.close(doc);
    }
  }

  close(doc: string): void {
    this.docs.get(doc)?.analysis.dispose();
    this.docs.delete(doc);
  }

  dispose(): void {
    for (const doc of [...this.docs.keys()]) this.close(doc);
  }
}
