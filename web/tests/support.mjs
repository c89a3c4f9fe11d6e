// Test support: the real reilu binary with the demo organisation on a loopback port, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
export const binary = process.env.REILU_BINARY ?? join(root, 'build/asan/src/app/reilu');
export const webDir = process.env.REILU_WEB_DIR ?? join(root, 'web/dist');
export const screenshotDir = process.env.REILU_SCREENSHOTS ?? join(root, 'build/screenshots');

export async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'reilu-e2e-'));
  const portFile = join(dataDir, 'port');
  const child = spawn(
    binary,
    ['--data-dir', dataDir, 'serve', '--demo', '--port', '0', '--port-file', portFile, '--web-dir', webDir,
     '--quiet', '--public-url', 'http://127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (let i = 0; i < 400; i++) {
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').trim());
      if (port > 0) {
        return {
          url: `http://127.0.0.1:${port}`,
          dataDir,
          async stop() {
            child.kill('SIGTERM');
            await new Promise((r) => child.once('exit', r));
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      }
    }
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error('reilu did not start');
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

// True when the focused element looks different from the same element unfocused (outline or
// shadow on it, its pseudo-elements or its parent): the focus indicator is visible.
export async function focusIsVisible(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const look = () =>
      [getComputedStyle(el), getComputedStyle(el, '::before'), getComputedStyle(el, '::after'),
       ...(el.parentElement ? [getComputedStyle(el.parentElement), getComputedStyle(el.parentElement, '::after')] : [])]
        .map((s) => `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow} ${s.borderColor}`)
        .join('|');
    const focused = look();
    el.blur();
    const unfocused = look();
    el.focus();
    return focused !== unfocused;
  });
}

// Everything a person or a script could read from the page: text and every attribute value.
export async function pageContents(page) {
  return page.evaluate(() => {
    const parts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) parts.push(attr.value);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) parts.push(el.value);
    }
    return parts.join('\n');
  });
}

// Presses Tab until the focused element matches `predicate` (keyboard-only navigation).
export async function tabTo(page, predicate, arg = null, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error('focus never reached the wanted element');
}

// The texts of the messages the server wrote to its outbox for `address` (no relay is set in the
// demo, so mail goes to DATA_DIR/outbox as .eml files), waiting up to `seconds` for the first.
export async function mailTextsTo(server, address, seconds = 20) {
  const outbox = join(server.dataDir, 'outbox');
  for (let i = 0; i < seconds * 10; i++) {
    const texts = [];
    if (existsSync(outbox)) {
      for (const name of readdirSync(outbox).filter((n) => n.endsWith('.eml'))) {
        const raw = readFileSync(join(outbox, name), 'utf8');
        if (!new RegExp(`^To:.*${address.replace(/[.+]/g, '\\$&')}`, 'mi').test(raw)) continue;
        const part = /Content-Transfer-Encoding: base64\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
        if (part) texts.push(Buffer.from(part[1].replace(/\s/g, ''), 'base64').toString('utf8'));
      }
    }
    if (texts.length) return texts;
    await sleep(100);
  }
  return [];
}
