// A fuzz worker thread: builds each case it is sent from (seed, index) and runs it; the parent keeps the watchdog.
import { parentPort } from 'node:worker_threads';
import { initEngine } from '../../src/analysis/engine';
import { FuzzCorpus } from './cases';
import { runCase, type CaseResult } from './check';

export interface CaseRequest { readonly seed: number; readonly index: number }
export type CaseReply = { readonly result: CaseResult } | { readonly error: string; readonly seed: number; readonly index: number };

if (parentPort) {
  const port = parentPort;
  const ready = initEngine().then(() => new FuzzCorpus());
  port.on('message', (req: CaseRequest) => {
    void ready.then((corpus) => {
      let reply: CaseReply;
      try {
        reply = { result: runCase(corpus.makeCase(req.seed, req.index)) };
      } catch (e) {
        // runCase catches the engine's exceptions; one here is the fuzzer's own bug.
        reply = { error: e instanceof Error ? e.stack ?? e.message : String(e), seed: req.seed, index: req.index };
      }
      port.postMessage(reply);
    });
  });
}
