// The engine for analysing in the extension host itself, only when the worker thread cannot start. A bundle of
// its own (dist/inProcessEngine.js), loaded on that fallback: the extension's bundle stays small, so it loads fast.
export { analyzeSource, initEngine } from '../analysis/engine';
export { DocumentAnalyses } from './documentAnalyses';
