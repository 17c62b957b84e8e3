// One file's Keras world: layer and model creation, layer calls, automatic names, diagnostics.
import { ArgReader, type ArgValue } from './args';
import { bindLayerArgs } from './binding';
import { findLayer } from './catalogue';
import { KerasError, UnknownFigure } from './errors';
import type { CallSite, LayerNode, LayerObject, Tensor } from './graph';
import type { DataFormat, KerasVersion, LayerBuild } from './layerDef';
import { runDef } from './layerCall';
import { operationDef } from './ops';
import { attachMask, consumesMask } from './masking';
import { sequentialBuild } from './sequential';
import { NameCounter } from './naming';
import type { FunctionalModel, ModelObject, SequentialModel, SubclassedModel } from './models';
import type { Shape } from './shape';
import type { Range, Severity } from '../summary/types';
import { reapplyModel } from './reapply';
import { MAX_MODEL_NESTING, NESTED_ROW_STEPS, nestedRows, nestsTooDeeply } from './nesting';
import { mapGraph } from './functionalOrder';

export type Reporter = (range: Range, severity: Severity, message: string) => void;

export interface SessionOptions {
  readonly version: KerasVersion;
  defaultDataFormat: DataFormat;
  /** The version was guessed (`auto`): say so where the guess changes a figure. */
  readonly autoVersion?: boolean;
}

export class KerasSession {
  readonly names: NameCounter;
  readonly models: ModelObject[] = [];
  private nextId = 1;
  /** Charges work to the interpreter's step budget (set by the Interpreter; may throw when the budget is spent). */
  charge: (steps: number) => void = () => undefined;

  constructor(readonly opts: SessionOptions, readonly report: Reporter) {
    this.names = new NameCounter(opts.version);
  }

  id(): number {
    return this.nextId++;
  }

  /** The next id to hand out (ids only tell objects apart; the incremental analysis carries the counter over). */
  get idCounter(): number {
    return this.nextId;
  }

  set idCounter(next: number) {
    this.nextId = next;
  }

  // ---------------------------------------------------------------- layers

  /** `incomplete`: why some arguments are not known (an unknown `**kwargs`); the constructor checks then wait. */
  createLayer(className: string, positional: readonly ArgValue[], keywords: readonly (readonly [string, ArgValue])[], site: Range, incomplete?: string): LayerObject {
    const def = findLayer(className);
    if (!def) {
      const kw = new Map(keywords);
      const given = kw.get('name');
      const layer: LayerObject = {
        id: this.id(), className, def: undefined, site, trainable: true, nodes: [], weights: null, firstBuild: null, callSites: this.sites(),
        name: given?.t === 'str' ? given.v : this.names.forClass(className),
        args: new ArgReader(className, kw), base: kw,
        unknownReason: `keras-lens does not know the layer class \`${className}\``,
      };
      this.report(site, 'info', `Unknown layer \`${className}\`: its parameter count and output shape are shown as ?`);
      return layer;
    }
    const bound = bindLayerArgs(def, positional, keywords, this.opts.version, incomplete !== undefined);
    const args = new ArgReader(def.className, bound.args);
    const given = bound.base.get('name');
    const trainable = bound.base.get('trainable');
    const layer: LayerObject = {
      id: this.id(), className: def.className, def, site, nodes: [], weights: null, firstBuild: null, callSites: this.sites(),
      trainable: trainable?.t === 'bool' ? trainable.v : true,
      name: given?.t === 'str' ? given.v : this.names.forClass(def.className),
      args, base: bound.base, argsIncomplete: incomplete,
    };
    if (this.opts.version === 3) layer.trainable = weightsTrainable(def.className, bound.args, layer.trainable);
    if (this.opts.version === 3 && def.unexportedInKeras3?.includes(className)) {
      const exported = [def.className, ...(def.aliases ?? [])].filter((n) => !def.unexportedInKeras3!.includes(n));
      this.fail(layer, site, `module 'keras.layers' has no attribute '${className}' (Keras 3 exports it as ${exported.join(' or ')})`);
    }
    for (const e of bound.errors) this.fail(layer, site, e.message);
    try {
      // Keras stops at the first error: the constructor's own checks never see arguments Python refused
      if (bound.errors.length === 0 && incomplete === undefined) def.validate?.(args, this.opts.version);
    } catch (e) {
      if (e instanceof KerasError) this.fail(layer, site, e.message);
      else if (e instanceof UnknownFigure) layer.unknownReason = e.reason;
      else throw e;
    }
    return layer;
  }

  private fail(layer: LayerObject, site: Range, message: string): void {
    if (!layer.error) layer.error = message;
    this.report(site, 'error', message);
  }

  /** A row for something keras-lens cannot follow where a layer should be (an unknown value added or called). */
  createPlaceholder(reason: string, site: Range, className = '?'): LayerObject {
    return {
      id: this.id(), className, def: undefined, site, trainable: true, nodes: [], weights: null, firstBuild: null,
      name: '?', args: new ArgReader(className, new Map()), base: new Map(), unknownReason: reason,
    };
  }

  /** A Keras 3 operation on tensors (`x + y`): a 0-parameter row named like a layer of its class. */
  createOperation(className: string, site: Range, args?: ReadonlyMap<string, ArgValue>): LayerObject | undefined {
    // ops.concatenate is recorded like the layer of that name, with its axis.
    const def = operationDef(className) ?? (className === 'Concatenate' ? findLayer('Concatenate') : undefined);
    if (!def) return undefined;
    return {
      id: this.id(), className, def, site, trainable: true, nodes: [], weights: null, firstBuild: null, callSites: this.sites(),
      // Inside a traced call() operations run on backend tensors: they take no name.
      name: this.tracing > 0 ? className : this.names.forClass(className),
      args: new ArgReader(className, args ?? new Map()), base: new Map(), operation: true,
    };
  }

  /** keras.Input(...): an InputLayer and its output tensor. */
  createInput(batchShape: Shape | null, name: string | null, site: Range, unknownReason?: string): Tensor {
    const layer = this.createInputLayer(batchShape, name, site, unknownReason);
    return layer.nodes[0].outputs[0];
  }

  createInputLayer(batchShape: Shape | null, name: string | null, site: Range, unknownReason?: string): LayerObject {
    const base = this.opts.version === 3 ? 'input_layer' : 'input';
    const layer: LayerObject = {
      id: this.id(), className: 'InputLayer', def: undefined, site, trainable: true, nodes: [], weights: [], firstBuild: null, callSites: this.sites(),
      name: name ?? this.names.next(base), args: new ArgReader('InputLayer', new Map()), base: new Map(),
      inputShape: batchShape, unknownReason: batchShape ? undefined : unknownReason ?? 'the input shape is not known',
    };
    const node: LayerNode = { layer, inputs: [], inputIsList: false, outputs: [], index: 0, site, build: null, multiOutput: false, ruleInputs: 0 };
    node.outputs.push({ id: this.id(), shape: batchShape, node, index: 0, unknownReason: layer.unknownReason });
    layer.nodes.push(node);
    return layer;
  }

  /** Calls a layer on tensors, recording a node. Returns the node (its outputs are the result). */
  callLayer(layer: LayerObject, inputs: readonly Tensor[], inputIsList: boolean, site: Range, extraInputs: readonly Tensor[] = [], callOptions?: ReadonlyMap<string, ArgValue>): LayerNode {
    let extra = extraInputs;
    if (layer.model) return this.callModel(layer.model, inputs, inputIsList, site);
    let build: LayerBuild | null = null;
    let reason: string | undefined = layer.unknownReason;
    if (layer.custom && !layer.error) {
      // A user's Layer subclass: its call() is interpreted (through the interpreter's trace callback).
      const traced = layer.custom.trace ? layer.custom.trace(inputs, inputIsList, callOptions) : 'its call() is not defined';
      if (typeof traced === 'string') reason = traced;
      else if (traced.some((x) => x === null)) reason = 'the output of its call() is not known';
      else build = { outputs: traced as Shape[], weights: [], multiOutput: traced.length > 1 };
    } else if (layer.def && !layer.error) {
      try {
        build = runDef(layer.def, layer.args, inputs.map((t) => t.shape), inputIsList, this.opts, callOptions);
        // Unknown **kwargs / *args could hold use_bias=False, strides=2…: figures from the known ones alone would be a guess.
        if (layer.argsIncomplete) {
          build = null;
          reason = `its arguments are not all known (${layer.argsIncomplete})`;
        }
      } catch (e) {
        if (e instanceof KerasError && layer.argsIncomplete) {
          // the error may come from an argument hidden in the unknown **kwargs / *args
          reason = `its arguments are not all known (${layer.argsIncomplete})`;
        } else if (e instanceof KerasError) {
          this.fail(layer, site, e.message);
        } else if (e instanceof UnknownFigure) {
          reason = inputs.find((t) => t.shape === null)?.unknownReason ?? e.reason;
        } else {
          throw e;
        }
      }
    }
    if (build && layer.custom) {
      layer.unknownReason = undefined;
    } else if (build) {
      if (layer.weights === null) {
        layer.weights = build.weights;
        layer.firstBuild = build;
        layer.unknownReason = undefined;
      } else if (!sameWeights(layer.weights, build.weights)) {
        this.fail(layer, site, `Layer "${layer.name}" is called on an input incompatible with the weights it was built with`);
      }
    } else if (layer.weights === null && !layer.unknownReason) {
      layer.unknownReason = layer.error ? undefined : reason;
    }
    // Keras 3 passes the incoming masks to layers whose call() takes `mask`: they become node inputs.
    if (this.opts.version === 3 && consumesMask(layer.className)) {
      extra = [...extra, ...inputs.flatMap((t) => (t.mask ? [t.mask] : []))];
    }
    let count = 1;
    if (!build && layer.def?.outputCount) {
      try { count = layer.def.outputCount(layer.args); } catch { count = 1; }
    }
    const node: LayerNode = {
      layer, inputs: [...inputs, ...extra], inputIsList, outputs: [], index: layer.nodes.length, site, build,
      multiOutput: build?.multiOutput ?? count > 1, ruleInputs: inputs.length, callOptions,
    };
    const shapes: (Shape | null)[] = build ? [...build.outputs] : Array<null>(count).fill(null);
    const why = build ? undefined : layer.error ? `${layer.name}: Keras raises an error here` : reason ?? 'unknown';
    node.outputs = shapes.map((shape, index) => ({ id: this.id(), shape, node, index, unknownReason: why }));
    if (this.tracing > 0) {
      // Inside another layer's call(), Keras runs on backend tensors: layers build, but no node is recorded.
      layer.traceOutputs = shapes;
      return node;
    }
    layer.nodes.push(node);
    if (this.opts.version === 3 && !layer.operation) attachMask(this, layer, node, inputs, site);
    return node;
  }

  /** > 0 while the interpreter traces a custom layer's call(): calls there record no graph nodes. */
  tracing = 0;

  /** The user function calls under way (the interpreter pushes and pops them); layers record a copy. */
  readonly callStack: CallSite[] = [];

  private sites(): readonly CallSite[] | undefined {
    return this.callStack.length > 0 ? [...this.callStack] : undefined;
  }

  /** An instance of a user's Layer subclass (rows show its class name). */
  createCustomLayer(className: string, name: string | null, site: Range): LayerObject {
    return {
      id: this.id(), className, def: undefined, site, trainable: true, nodes: [], weights: null, firstBuild: null, callSites: this.sites(),
      name: name ?? this.names.forClass(className), args: new ArgReader(className, new Map()), base: new Map(),
      custom: { weights: [], sublayers: [], built: false },
    };
  }

  // ---------------------------------------------------------------- models

  newSequential(name: string | null, site: Range): SequentialModel {
    const m: SequentialModel = {
      kind: 'sequential', id: this.id(), name: name ?? this.names.next('sequential'), site, variable: '', layers: [], layerNames: new Set(),
      inputLayer: null, input: null, outputs: new Map(), built: false, trainable: true,
    };
    this.models.push(m);
    return m;
  }

  newFunctional(inputs: readonly Tensor[], outputs: readonly Tensor[], structure: 'single' | 'list', name: string | null, site: Range): FunctionalModel {
    for (const l of mapGraph(inputs, outputs).layers) if (l.model) this.chargeNestedRows(l.model);
    const m: FunctionalModel = {
      kind: 'functional', id: this.id(), name: name ?? this.names.next(this.opts.version === 3 ? 'functional' : 'model'),
      site, variable: '', inputs, outputs, outputStructure: structure, trainable: true,
    };
    this.models.push(m);
    return m;
  }

  /**
   * A model's summary repeats the rows of every model nested in it: they cost steps as layers do, or a loop wrapping
   * a model in a model makes thousands of summaries 32 levels deep (the fuzzer: 500 MB of JSON). May throw (budget spent).
   */
  chargeNestedRows(nested: ModelObject): void {
    this.charge(NESTED_ROW_STEPS * nestedRows(nested));
  }

  /** An instance of a user's keras.Model subclass (reported; its name is its layer's). */
  newSubclassed(asLayer: LayerObject, site: Range): SubclassedModel {
    const m: SubclassedModel = { kind: 'subclassed', id: this.id(), name: asLayer.name, site, variable: '', asLayer, trainable: true };
    this.models.push(m);
    return m;
  }

  /** A tensor with a known shape that belongs to no graph (a numpy array or ops.arange inside a traced call()). */
  constantTensor(shape: Shape | null, site: Range): Tensor {
    const layer: LayerObject = {
      id: this.id(), className: 'Constant', def: undefined, site, trainable: true, nodes: [], weights: [], firstBuild: null,
      name: 'constant', args: new ArgReader('Constant', new Map()), base: new Map(),
    };
    const node: LayerNode = { layer, inputs: [], inputIsList: false, outputs: [], index: 0, site, build: null, multiOutput: false, ruleInputs: 0 };
    node.outputs.push({ id: this.id(), shape, node, index: 0 });
    return node.outputs[0];
  }

  /** The layer object standing for a model nested in another model. */
  modelLayer(m: ModelObject): LayerObject {
    // A model wrapped in a model 10,000 times (a loop): past the limit it is a `?` row, so nothing recurses that deep.
    if (nestsTooDeeply(m)) {
      return this.createPlaceholder(`model "${m.name}" nests models more than ${MAX_MODEL_NESTING} deep; keras-lens does not follow it`, m.site, m.kind === 'sequential' ? 'Sequential' : m.kind === 'functional' ? 'Functional' : m.asLayer.className);
    }
    if (m.kind === 'subclassed') return m.asLayer;
    if (!m.asLayer) {
      m.asLayer = {
        id: this.id(), className: m.kind === 'sequential' ? 'Sequential' : 'Functional', def: undefined, site: m.site,
        name: m.name, trainable: m.trainable, nodes: [], weights: null, firstBuild: null,
        args: new ArgReader(m.name, new Map()), base: new Map(), model: m,
      };
    }
    return m.asLayer;
  }

  /** Calls a model on tensors: builds an unbuilt Sequential, then works out the outputs for these inputs. */
  callModel(m: ModelObject, inputs: readonly Tensor[], inputIsList: boolean, site: Range): LayerNode {
    const layer = this.modelLayer(m);
    if (m.kind === 'sequential' && !m.built && inputs.length === 1) sequentialBuild(this, m, inputs[0].shape, site);
    const shapes = reapplyModel(this, m, inputs.map((t) => t.shape));
    // A model's call() takes `mask`: incoming masks become inputs of its node (Keras 3).
    const masks = this.opts.version === 3 ? inputs.flatMap((t) => (t.mask ? [t.mask] : [])) : [];
    const node: LayerNode = {
      layer, inputs: [...inputs, ...masks], inputIsList, outputs: [], index: layer.nodes.length, site, build: null,
      multiOutput: m.kind === 'functional' && m.outputStructure === 'list', ruleInputs: inputs.length,
    };
    const list = shapes ?? [null];
    node.outputs = list.map((shape, index) => ({ id: this.id(), shape, node, index, unknownReason: shape ? undefined : `the output of model "${m.name}" is not known` }));
    if (this.tracing > 0) {
      layer.traceOutputs = list;
      return node;
    }
    layer.nodes.push(node);
    return node;
  }

}

/**
 * Keras 3: where a layer's weights live on an inner object, the constructor's trainable flag does not reach
 * them — the inner object's own flag decides (checked against Keras 3.15.1 by the differential test).
 */
function weightsTrainable(className: string, args: ReadonlyMap<string, ArgValue>, own: boolean): boolean {
  const refs = (v: ArgValue | undefined): boolean[] =>
    v?.t === 'layer' ? [v.layer.trainable] : v?.t === 'seq' ? v.items.flatMap((x) => refs(x)) : [];
  switch (className) {
    case 'TimeDistributed': case 'Bidirectional': case 'SpectralNormalization': {
      const flags = refs(args.get('layer'));
      return flags.length > 0 ? flags.every(Boolean) : own;
    }
    // Each cell's weights carry that cell's own flag (rnnCells.ts); ConvLSTM builds its cell without passing trainable on.
    case 'RNN': case 'ConvLSTM1D': case 'ConvLSTM2D': case 'ConvLSTM3D': return true;
    default: return own;
  }
}

function sameWeights(a: LayerBuild['weights'], b: LayerBuild['weights']): boolean {
  return a.length === b.length && a.every((w, i) => w.shape.length === b[i].shape.length && w.shape.every((d, j) => d === b[i].shape[j]));
}
