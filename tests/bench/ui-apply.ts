import type { Page } from 'playwright-core';

// Applies a pinned code by its key to n fresh passages in view of the open
// transcript and times each as a researcher meets it: the key is a real key press
// (Chromium's input pipeline, as from a keyboard), timed from the keydown event's
// own timestamp (when the browser received the key) until the frame that shows the
// highlight has been painted (the coding shows before its write answers), and until
// the write is confirmed (the saved indicator no longer says "Saving…"); with the
// HTTP round trip of each segments.apply call.
//
// The press comes from outside the page at whatever moment of the frame it lands,
// as a keyboard's does; the highlight is then painted by the next frame the browser
// draws, so a figure holds the wait for that frame (up to one frame, 16.7 ms at
// 60 Hz) plus the work.
//
// "Painted" is the end of that frame's rendering steps (style, layout, paint, the
// hand-over to the compositor), stamped by a user-blocking task posted from its
// animation callback. An ordinary message would queue behind the page's own tasks
// posted meanwhile (the panes following one frame later, the write going out),
// which the compositor does not wait for to show the frame: with a message the
// median read about 4 ms more than the highlight took to reach the screen.

interface Armed {
  start: number;
  painted: Promise<number>;
  saved: Promise<number>;
  pressedAt: Promise<number>;
  /** when the page's first handler saw the key */
  routedAt: Promise<number>;
  /** when the app's key handling (its listener, React's render and commit) had finished */
  handledAt: Promise<number>;
}

declare global {
  interface Window {
    __applyTiming?: Armed;
    __floorTiming?: Promise<number>;
  }
}

/** Selects a fresh passage in view and arms the watchers; false when none is left. */
async function arm(page: Page, code: string, i: number): Promise<boolean> {
  return page.evaluate(
    async ({ code, i }) => {
      const runs = [...document.querySelectorAll<HTMLElement>('.turn-text [data-end]')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top > 120 && b.bottom < window.innerHeight - 60 && (r.textContent ?? '').length > 12 && !(r.dataset.codes ?? '').includes(code);
      });
      if (!runs.length) return false;
      const run = runs[(i * 7) % runs.length];
      const node = run.firstChild!;
      const text = node.textContent!;
      const at = Math.max(0, text.indexOf(' ', (i * 13) % Math.max(1, text.length - 10)) + 1);
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, Math.min(text.length, at + 4));
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      run.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
      const start = Number(run.dataset.start) + at;
      const coded = () =>
        [...document.querySelectorAll<HTMLElement>(`[data-testid="highlight"][data-codes~="${code}"]`)].some(
          (h) => Number(h.dataset.start) <= start && Number(h.dataset.end) > start,
        );
      if (coded()) return false;
      // Painted: the frame after the highlight entered the DOM has run its rendering
      // steps (a message posted from that frame's animation callback runs after them).
      const painted = new Promise<number>((resolve, reject) => {
        const give = setTimeout(() => reject(new Error(`no highlight at ${start}`)), 5000);
        const seen = new MutationObserver(() => {
          if (!coded()) return;
          seen.disconnect();
          requestAnimationFrame(() => {
            // A user-blocking task posted from the frame's animation callback runs as soon
            // as that frame's rendering steps are done, ahead of the page's own ordinary
            // tasks queued meanwhile (the panes' update, the write going out), which the
            // compositor does not wait for. Without scheduler.postTask: a message.
            const done = () => {
              clearTimeout(give);
              resolve(performance.now());
            };
            const scheduler = (window as { scheduler?: { postTask?: (f: () => void, o: { priority: string }) => unknown } }).scheduler;
            if (scheduler?.postTask) return void scheduler.postTask(done, { priority: 'user-blocking' });
            const channel = new MessageChannel();
            channel.port1.onmessage = done;
            channel.port2.postMessage(null);
          });
        });
        seen.observe(document.querySelector('[data-testid="transcript"]')!, { subtree: true, childList: true, attributes: true });
      });
      const indicator = document.querySelector<HTMLElement>('[data-testid="saved-indicator"]')!;
      const saved = new Promise<number>((resolve, reject) => {
        const give = setTimeout(() => reject(new Error(`the write at ${start} was not confirmed`)), 5000);
        const watch = new MutationObserver(() => {
          if (indicator.dataset.status !== 'saving') {
            clearTimeout(give);
            watch.disconnect();
            resolve(performance.now());
          }
        });
        watch.observe(indicator, { attributes: true });
      });
      // The key's own timestamp: when the browser took it from the keyboard, before any page work.
      let handled: (t: number) => void = () => {};
      let routed: (t: number) => void = () => {};
      const routedAt = new Promise<number>((resolve) => (routed = resolve));
      const handledAt = new Promise<number>((resolve) => (handled = resolve));
      const pressedAt = new Promise<number>((resolve) =>
        window.addEventListener(
          'keydown',
          (e) => {
            resolve(e.timeStamp);
            routed(performance.now());
          },
          { capture: true, once: true },
        ),
      );
      // Added after the app's own key listener, so it runs once that listener and the
      // microtasks after it (React's render and commit of the coding) are done.
      window.addEventListener('keydown', () => handled(performance.now()), { once: true });
      window.__applyTiming = { start, painted, saved, pressedAt, routedAt, handledAt };
      return true;
    },
    { code, i },
  );
}

export async function applyTimes(
  page: Page,
  code: string,
  n: number,
): Promise<{ times: number[]; routed: number[]; handled: number[]; confirmed: number[]; requests: number[] }> {
  // Put the fresh "Timing" code on a number key and read the key.
  const row = page.locator(`[data-testid="code-item"][data-path="Timing"]`);
  await row.hover();
  await row.getByRole('button', { name: 'Put Timing on a number key' }).click();
  const key = (await row.locator('.pin-key').textContent())!.trim();

  const times: number[] = [];
  const routed: number[] = [];
  const handled: number[] = [];
  const confirmed: number[] = [];
  const requests: number[] = [];
  for (let i = 0; times.length < n && i < n * 3; i++) {
    if (!(await arm(page, code, i))) continue;
    await page.keyboard.press(key);
    const one = await page.evaluate(async () => {
      const { painted, saved, pressedAt, routedAt, handledAt } = window.__applyTiming!;
      const [t0, paintedAt, savedAt, routed, handled] = await Promise.all([pressedAt, painted, saved, routedAt, handledAt]);
      const calls = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/segments.apply'));
      const call = calls[calls.length - 1] as PerformanceResourceTiming | undefined;
      return { painted: paintedAt - t0, routed: routed - t0, handled: handled - t0, confirmed: savedAt - t0, request: call?.duration ?? NaN };
    });
    times.push(one.painted);
    routed.push(one.routed);
    handled.push(one.handled);
    confirmed.push(one.confirmed);
    requests.push(one.request);
    // A researcher reads between codings; let the counts refresh settle as it would.
    await page.waitForTimeout(300);
  }
  return { times, routed, handled, confirmed, requests };
}

/**
 * The floor for the same measure in the same page: a key whose only effect is one
 * word's background (as a highlight's), set by a listener of the bench itself, timed
 * from the key's timestamp to the paint of the frame that shows it. What the browser
 * alone costs (input routing, the wait for the next frame, style, layout and paint)
 * with no app work at all; apply's figure minus this is what Fieldcode adds.
 */
export async function floorTimes(page: Page, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.evaluate((i) => {
      const runs = [...document.querySelectorAll<HTMLElement>('.turn-text [data-end]')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top > 120 && b.bottom < window.innerHeight - 60;
      });
      const run = runs[(i * 7) % runs.length];
      const painted = new Promise<number>((resolve) => {
        const seen = new MutationObserver(() => {
          seen.disconnect();
          requestAnimationFrame(() => {
            const done = () => resolve(performance.now());
            const scheduler = (window as { scheduler?: { postTask?: (f: () => void, o: { priority: string }) => unknown } }).scheduler;
            if (scheduler?.postTask) return void scheduler.postTask(done, { priority: 'user-blocking' });
            const channel = new MessageChannel();
            channel.port1.onmessage = done;
            channel.port2.postMessage(null);
          });
        });
        seen.observe(run, { attributes: true });
      });
      const pressedAt = new Promise<number>((resolve) =>
        window.addEventListener(
          'keydown',
          (e) => {
            resolve(e.timeStamp);
            run.style.backgroundColor = run.style.backgroundColor ? '' : 'rgb(255 214 102 / 55%)';
          },
          { capture: true, once: true },
        ),
      );
      window.__floorTiming = Promise.all([pressedAt, painted]).then(([t0, t1]) => t1 - t0);
    }, i);
    // F8 means nothing to Fieldcode: the app's own listener sees it and does nothing.
    await page.keyboard.press('F8');
    times.push(await page.evaluate(() => window.__floorTiming!));
    await page.waitForTimeout(100);
  }
  return times;
}
