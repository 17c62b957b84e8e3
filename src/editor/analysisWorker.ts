// The analysis worker thread: runs the engine off the extension host's main thread (no `vscode` here).
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeSource, initEngine, type AnalysisOptions } from '../analysis/engine';

export interface WorkerRequest {
  readonly id: number;
  readonly text: string;
  readonly file: string;
  readonly options: AnalysisOptions;
}

const ready = initEngine((workerData as { wasmDir?: string } | undefined)?.wasmDir);

parentPort?.on('message', (req: WorkerRequest) => {
  void ready.then(
    () => {
      const t0 = performance.now();
      const summary = analyzeSource(req.text, req.file, req.options);
      parentPort?.postMessage({ id: req.id, summary, millis: performance.now() - t0 });
    },
    (e: unknown) => parentPort?.postMessage({ id: req.id, error: `cannot load the Python parser: ${String(e)}` }),
  );
});
