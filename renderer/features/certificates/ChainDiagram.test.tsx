import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../../shared/pki/path/types';
import { EXPIRED_VALIDATION } from '../../test-support/pki-samples';
import { ChainDiagram, failingIndex } from './ChainDiagram';

afterEach(cleanup);

const okPath = EXPIRED_VALIDATION.path.map((step) => ({ ...step, ok: true }));

describe('failingIndex', () => {
  it('prefers failure.certIndex, else the first step that is not ok', () => {
    expect(failingIndex(EXPIRED_VALIDATION)).toBe(0);
    const byStep: ValidationResult = {
      ...EXPIRED_VALIDATION,
      path: okPath.map((step, i) => (i === 1 ? { ...step, ok: false } : step)),
      failure: { rule: 'issuer.not-ca', message: 'Intermediate is not a CA.', certIndex: null },
    };
    expect(failingIndex(byStep)).toBe(1);
    expect(failingIndex({ ...byStep, path: okPath })).toBeNull();
  });
});

describe('ChainDiagram', () => {
  it('marks the node at certIndex even when every step says ok', () => {
    const result: ValidationResult = {
      ...EXPIRED_VALIDATION,
      path: okPath,
      failure: { rule: 'signature.invalid', message: 'The intermediate’s signature does not verify.', certIndex: 1 },
    };
    render(<ChainDiagram result={result} />);
    const nodes = screen.getAllByTestId('cert-chain-node');
    expect(nodes.map((node) => node.dataset.ok)).toEqual(['true', 'false', 'true']);
    expect(nodes[1]?.querySelector('[data-testid="cert-chain-failure"]')?.textContent).toContain('signature.invalid');
  });

  it('hangs a failure that no certificate carries below the path, as a missing issuer', () => {
    const result: ValidationResult = {
      valid: false,
      path: okPath.slice(0, 1),
      failure: { rule: 'path.no-issuer', message: 'No issuer of the leaf was found among the intermediates or anchors.', certIndex: null },
      revocationChecked: false,
      candidatesTried: 0,
    };
    render(<ChainDiagram result={result} />);
    const nodes = screen.getAllByTestId('cert-chain-node');
    expect(nodes.map((node) => [node.dataset.role, node.dataset.ok])).toEqual([
      ['leaf', 'true'],
      ['missing', 'false'],
    ]);
    expect(nodes[1]?.textContent).toContain('No trusted issuer');
    expect(nodes[1]?.textContent).toContain('path.no-issuer');
    expect(nodes[1]?.textContent).toContain('No issuer of the leaf was found');
  });
});
