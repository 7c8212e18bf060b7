import type { Certificate } from './cert';
import type { PolicyInput } from './types';

/**
 * Certificate policy processing, RFC 5280 §6.1.2 (a), §6.1.3 (d)–(f), §6.1.4 (a)–(b), (h)–(j)
 * and §6.1.5 (a)–(b), (g): the valid_policy_tree with explicit_policy, policy_mapping and
 * inhibit_anyPolicy counters. Qualifiers are not kept: nothing here acts on them.
 */

export const ANY_POLICY = '2.5.29.32.0';

interface PolicyNode {
  readonly policy: string;
  expected: Set<string>;
  readonly parent: PolicyNode | null;
  readonly children: PolicyNode[];
  readonly depth: number;
}

function child(parent: PolicyNode, policy: string, expected: Iterable<string>): PolicyNode {
  const node: PolicyNode = { policy, expected: new Set(expected), parent, children: [], depth: parent.depth + 1 };
  parent.children.push(node);
  return node;
}

/** Policy state for one path: the tree and its three counters. */
export class PolicyState {
  private root: PolicyNode | null = { policy: ANY_POLICY, expected: new Set([ANY_POLICY]), parent: null, children: [], depth: 0 };
  private explicit: number;
  private mapping: number;
  private inhibitAny: number;
  private readonly initial: ReadonlySet<string>;

  constructor(n: number, input: PolicyInput | undefined) {
    this.explicit = input?.explicitPolicy ? 0 : n + 1;
    this.mapping = input?.policyMappingInhibit ? 0 : n + 1;
    this.inhibitAny = input?.anyPolicyInhibit ? 0 : n + 1;
    this.initial = new Set(input?.initialPolicySet && input.initialPolicySet.length > 0 ? input.initialPolicySet : [ANY_POLICY]);
  }

  private level(depth: number): PolicyNode[] {
    const out: PolicyNode[] = [];
    const walk = (node: PolicyNode): void => {
      if (node.depth === depth) out.push(node);
      else for (const c of node.children) walk(c);
    };
    if (this.root) walk(this.root);
    return out;
  }

  private remove(node: PolicyNode): void {
    if (node.parent === null) this.root = null;
    else {
      const at = node.parent.children.indexOf(node);
      if (at >= 0) node.parent.children.splice(at, 1);
    }
  }

  /** Deletes nodes above `depth` that have no children, repeatedly (§6.1.3 (d)(3)). */
  private prune(depth: number): void {
    for (let d = depth - 1; d >= 0 && this.root; d--) for (const node of this.level(d)) if (node.children.length === 0) this.remove(node);
  }

  /** §6.1.3 (d)–(f) for certificate i of n; returns false when no acceptable policy remains. */
  processCertificate(cert: Certificate, i: number, n: number): boolean {
    const policies = cert.ext?.policies ?? null;
    if (policies === null) this.root = null;
    else if (this.root) {
      const parents = this.level(i - 1);
      for (const { policy } of policies) {
        if (policy === ANY_POLICY) continue;
        const matching = parents.filter((p) => p.expected.has(policy));
        if (matching.length > 0) for (const p of matching) child(p, policy, [policy]);
        else for (const p of parents.filter((q) => q.policy === ANY_POLICY)) child(p, policy, [policy]);
      }
      if (policies.some((p) => p.policy === ANY_POLICY) && (this.inhibitAny > 0 || (i < n && cert.selfIssued))) {
        for (const p of parents) {
          for (const value of p.expected) if (!p.children.some((c) => c.policy === value)) child(p, value, [value]);
        }
      }
      this.prune(i);
    }
    return this.explicit > 0 || this.root !== null;
  }

  /** §6.1.4 (a)–(b) and (h)–(j) for intermediate i; returns a problem sentence or null. */
  prepareNext(cert: Certificate, i: number): string | null {
    const mappings = cert.ext?.policyMappings ?? null;
    if (mappings) {
      if (mappings.some(([a, b]) => a === ANY_POLICY || b === ANY_POLICY)) return 'maps a policy to or from anyPolicy, which RFC 5280 forbids';
      const bySource = new Map<string, string[]>();
      for (const [a, b] of mappings) bySource.set(a, [...(bySource.get(a) ?? []), b]);
      for (const [source, targets] of bySource) {
        const nodes = this.level(i).filter((node) => node.policy === source);
        if (this.mapping > 0) {
          if (nodes.length > 0) for (const node of nodes) node.expected = new Set(targets);
          else {
            const any = this.level(i).find((node) => node.policy === ANY_POLICY);
            if (any?.parent) child(any.parent, source, targets);
          }
        } else {
          for (const node of nodes) this.remove(node);
          this.prune(i);
        }
      }
    }
    if (!cert.selfIssued) {
      if (this.explicit > 0) this.explicit--;
      if (this.mapping > 0) this.mapping--;
      if (this.inhibitAny > 0) this.inhibitAny--;
    }
    const pc = cert.ext?.policyConstraints;
    if (pc?.requireExplicit !== null && pc?.requireExplicit !== undefined && pc.requireExplicit < this.explicit) this.explicit = pc.requireExplicit;
    if (pc?.inhibitMapping !== null && pc?.inhibitMapping !== undefined && pc.inhibitMapping < this.mapping) this.mapping = pc.inhibitMapping;
    const inhibit = cert.ext?.inhibitAnyPolicy;
    if (inhibit !== null && inhibit !== undefined && inhibit < this.inhibitAny) this.inhibitAny = inhibit;
    return null;
  }

  /** §6.1.5 (a)–(b), (g) for the end entity (certificate n); true when the path is policy-valid. */
  wrapUp(leaf: Certificate, n: number): boolean {
    if (this.explicit > 0) this.explicit--;
    if (leaf.ext?.policyConstraints?.requireExplicit === 0) this.explicit = 0;
    if (this.root && !this.initial.has(ANY_POLICY)) {
      const nodeSet: PolicyNode[] = [];
      const collect = (node: PolicyNode): void => {
        for (const c of node.children) {
          if (node.policy === ANY_POLICY) nodeSet.push(c);
          collect(c);
        }
      };
      collect(this.root);
      for (const node of nodeSet) if (node.policy !== ANY_POLICY && !this.initial.has(node.policy)) this.remove(node);
      const anyLeaf = this.level(n).find((node) => node.policy === ANY_POLICY);
      if (anyLeaf?.parent) {
        const present = new Set(nodeSet.filter((node) => this.initial.has(node.policy)).map((node) => node.policy));
        for (const p of this.initial) if (!present.has(p)) child(anyLeaf.parent, p, [p]);
        this.remove(anyLeaf);
      }
      this.prune(n);
    }
    return this.explicit > 0 || this.root !== null;
  }
}
