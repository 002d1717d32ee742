/**
 * The one place that knows every optimizer of the kit: its name, label, chart colour, the factory,
 * its PyTorch equivalent and the flavors it supports. Defaults and state keys are read from the
 * factory itself (never restated). Charts, tests, notebooks, benchmarks and grading read this table;
 * adding an optimizer is one file, one entry here, its hand-computed test and its reference fixture.
 *
 * @example
 * optimizers.registry.adam.defaults;      // { beta1: 0.9, beta2: 0.999, eps: 1e-8, biasCorrection: true }
 * optimizers.registry.adam.create({ eta: 0.1 }).stateKeys;   // ["m", "v", "mHat", "vHat"]
 * optimizers.names.map((n) => optimizers.registry[n].label);
 */
import { adadelta } from "./adadelta";
import { adagrad } from "./adagrad";
import { adam } from "./adam";
import { adamax } from "./adamax";
import { adamw } from "./adamw";
import { amsgrad } from "./amsgrad";
import { gd } from "./gd";
import { lion } from "./lion";
import { maxprop } from "./maxprop";
import { momentum } from "./momentum";
import { nadam } from "./nadam";
import { nag } from "./nag";
import { radam } from "./radam";
import { rmsprop } from "./rmsprop";
import type { BaseHyper, Flavor, Optimizer, OptimizerState } from "./types";

/** A factory called from a table: options as a plain record. */
export type OptimizerFactory = (options: Record<string, unknown>) => Optimizer;

export interface OptimizerInfo {
  /** Key in the registry and `optimizer.name`, e.g. "adam". */
  readonly name: OptimizerName;
  /** Display name, e.g. "Adam". */
  readonly label: string;
  /** Chart colour. */
  readonly color: string;
  /** Calls the factory optimizers.<name> with a plain options record. */
  readonly create: OptimizerFactory;
  /** Hyperparameter defaults (everything but eta and flavor), read from the factory. */
  readonly defaults: Readonly<Record<string, number | boolean>>;
  /** Per-parameter state vectors, in display order, read from the factory. */
  readonly stateKeys: readonly string[];
  /** PyTorch equivalent of the torch flavor, or undefined when torch.optim has none. */
  readonly torch: string | undefined;
  /** Flavors the factory accepts. */
  readonly flavors: readonly Flavor[];
  /** Whether the rule is one of the lecture's (false: added by the kit, e.g. Lion). */
  readonly lecture: boolean;
}

/** The factory callable from a table of options (validation happens inside, as always). */
function tabled<O>(factory: (options: O) => Optimizer<OptimizerState, BaseHyper>): OptimizerFactory {
  return (options) => factory(options as O);
}

interface Entry {
  label: string;
  color: string;
  create: OptimizerFactory;
  torch?: string;
  flavors?: readonly Flavor[];
  lecture?: boolean;
  /** eta used to read defaults when eta has a default itself (AdaDelta). */
  probe?: Record<string, unknown>;
}

const entries = {
  gd: { label: "GD", color: "#1f77b4", create: tabled(gd), torch: "torch.optim.SGD" },
  momentum: { label: "Momentum", color: "#ff7f0e", create: tabled(momentum), torch: "torch.optim.SGD(momentum=beta)" },
  nag: { label: "NAG", color: "#2ca02c", create: tabled(nag), torch: "torch.optim.SGD(momentum=beta, nesterov=True)" },
  adagrad: { label: "AdaGrad", color: "#d62728", create: tabled(adagrad), torch: "torch.optim.Adagrad" },
  rmsprop: { label: "RMSProp", color: "#9467bd", create: tabled(rmsprop), torch: "torch.optim.RMSprop(alpha=beta)" },
  adadelta: { label: "AdaDelta", color: "#8c564b", create: tabled(adadelta), torch: "torch.optim.Adadelta(rho=beta)" },
  adam: { label: "Adam", color: "#e377c2", create: tabled(adam), torch: "torch.optim.Adam" },
  maxprop: { label: "MaxProp", color: "#bcbd22", create: tabled(maxprop), torch: "torch.optim.Adamax(betas=(0, beta))" },
  adamax: { label: "AdaMax", color: "#17becf", create: tabled(adamax), torch: "torch.optim.Adamax" },
  nadam: { label: "NAdam", color: "#7f7f7f", create: tabled(nadam), torch: "torch.optim.NAdam" },
  amsgrad: { label: "AMSGrad", color: "#393b79", create: tabled(amsgrad), torch: "torch.optim.Adam(amsgrad=True)" },
  adamw: { label: "AdamW", color: "#ad494a", create: tabled(adamw), torch: "torch.optim.AdamW" },
  radam: { label: "RAdam", color: "#637939", create: tabled(radam), torch: "torch.optim.RAdam" },
  lion: { label: "Lion", color: "#e6550d", create: tabled(lion), flavors: ["lecture"], lecture: false },
} satisfies Record<string, Entry>;

export type OptimizerName = keyof typeof entries;

function infoOf(name: OptimizerName, e: Entry): OptimizerInfo {
  const sample = e.create({ eta: 1, ...e.probe });
  const defaults: Record<string, number | boolean> = {};
  // A chain (Lion) reports its transformations' hyperparameters: flatten them.
  const chained = (sample.hyper as { transforms?: { hyper: Record<string, unknown> }[] }).transforms;
  const sources = chained ? chained.map((t) => t.hyper) : [sample.hyper as unknown as Record<string, unknown>];
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      if (key !== "eta" && key !== "flavor" && (typeof value === "number" || typeof value === "boolean")) defaults[key] = value;
    }
  }
  return Object.freeze({
    name,
    label: e.label,
    color: e.color,
    create: e.create,
    defaults: Object.freeze(defaults),
    stateKeys: sample.stateKeys,
    torch: e.torch,
    flavors: Object.freeze([...(e.flavors ?? ["lecture", "torch"])]),
    lecture: e.lecture ?? true,
  });
}

/** Every optimizer of the kit, by name. */
export const registry: Readonly<Record<OptimizerName, OptimizerInfo>> = Object.freeze(
  Object.fromEntries(Object.entries(entries).map(([name, e]) => [name, infoOf(name as OptimizerName, e)])) as Record<OptimizerName, OptimizerInfo>,
);

/** Registry names in the lecture's order (Lion, the kit's addition, last). */
export const names: readonly OptimizerName[] = Object.freeze(Object.keys(entries) as OptimizerName[]);

/** The registry entry of `name`; throws naming the known optimizers otherwise. */
export function infoFor(name: string): OptimizerInfo {
  if (!Object.prototype.hasOwnProperty.call(registry, name)) {
    throw new Error(`optimizers.infoFor: name must be one of ${names.join(", ")}, got ${JSON.stringify(name)}`);
  }
  return registry[name as OptimizerName];
}
