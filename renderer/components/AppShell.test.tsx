import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AREA_INFO } from '../stores/areas';
import { useUiStore } from '../stores/ui-store';
import { fakeBridge } from '../test-support/fake-bridge';
import { renderWithBridge } from '../test-support/render';
import { AppShell } from './AppShell';

beforeEach(() => {
  window.location.hash = '';
  useUiStore.setState({ area: 'health' });
});
afterEach(cleanup);

function renderShell() {
  renderWithBridge(<AppShell />, fakeBridge().bridge);
  const nav = screen.getByRole('navigation', { name: 'Areas' });
  const link = (name: string) => within(nav).getByRole('link', { name });
  return { nav, link };
}

describe('AppShell', () => {
  it('lists the areas in order with About last, and marks the active one', () => {
    const { nav, link } = renderShell();
    const names = within(nav).getAllByRole('link').map((item) => item.textContent);
    expect(names).toEqual(['Health', 'Certificates', 'Device CA', 'Posture', 'NGINX', 'About']);
    expect(link('Health').getAttribute('aria-current')).toBe('page');
    expect(within(nav).getAllByRole('link').filter((item) => item.hasAttribute('aria-current'))).toHaveLength(1);
    expect(screen.getByText('Sentinel Console')).toBeTruthy();
  });

  it('moves focus with the arrow keys (wrapping) without changing the area', () => {
    const { link } = renderShell();
    link('Health').focus();
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(link('Certificates'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(link('About'));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(link('Health'));
    expect(useUiStore.getState().area).toBe('health');
  });

  it('activates the focused item with Enter and Space; aria-current and the header follow', () => {
    const { link } = renderShell();
    link('Health').focus();
    fireEvent.keyDown(link('Health'), { key: 'ArrowDown' });
    fireEvent.keyDown(link('Certificates'), { key: 'ArrowDown' });
    fireEvent.keyDown(link('Device CA'), { key: 'Enter' });
    expect(link('Device CA').getAttribute('aria-current')).toBe('page');
    expect(link('Health').hasAttribute('aria-current')).toBe(false);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Device CA');

    link('NGINX').focus();
    fireEvent.keyDown(link('NGINX'), { key: ' ' });
    expect(link('NGINX').getAttribute('aria-current')).toBe('page');
  });

  it('activates an item on click', () => {
    const { link } = renderShell();
    fireEvent.click(link('Posture'));
    expect(link('Posture').getAttribute('aria-current')).toBe('page');
    expect(screen.getByText(AREA_INFO.posture.description)).toBeTruthy();
  });

  it('shows the Device CA screen, for Device CA', () => {
    const { link } = renderShell();
    fireEvent.click(link('Device CA'));
    expect(screen.getByText('Loading the device CA…')).toBeTruthy();
  });

  it('shows the Certificates screen, for Certificates', () => {
    const { link } = renderShell();
    fireEvent.click(link('Certificates'));
    expect(screen.getByTestId('cert-drop-zone')).toBeTruthy();
    expect(screen.getByTestId('cert-empty')).toBeTruthy();
  });

  it('shows the About screen, for About', async () => {
    const { link } = renderShell();
    fireEvent.click(link('About'));
    expect(await screen.findByTestId('about-version')).toBeTruthy();
  });

  it('writes the active area to location.hash', () => {
    const { link } = renderShell();
    fireEvent.click(link('About'));
    expect(window.location.hash).toBe('#/about');
  });

  it('follows hash changes (Back, reload, typed URL)', () => {
    const { link } = renderShell();
    act(() => {
      window.location.hash = '#/nginx';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(link('NGINX').getAttribute('aria-current')).toBe('page');
  });

  it('starts on the area in the hash', () => {
    window.location.hash = '#/posture';
    const { link } = renderShell();
    expect(link('Posture').getAttribute('aria-current')).toBe('page');
  });
});
