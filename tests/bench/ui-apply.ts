import type { Page } from 'playwright-core';

// Applies a pinned code by its key to n fresh passages in view of the open
// transcript and times each, in the page, from the key press until the frame that
// shows the highlight has been painted (the coding shows before its write answers),
// and until the write is confirmed (the saved indicator no longer says "Saving…");
// with the HTTP round trip of each segments.apply call.

export async function applyTimes(
  page: Page,
  code: string,
  n: number,
): Promise<{ times: number[]; confirmed: number[]; requests: number[]; before: number[]; after: number[] }> {
  // Put the fresh "Timing" code on a number key and read the key.
  const row = page.locator(`[data-testid="code-item"][data-path="Timing"]`);
  await row.hover();
  await row.getByRole('button', { name: 'Put Timing on a number key' }).click();
  const key = (await row.locator('.pin-key').textContent())!.trim();

  const result = await page.evaluate(
    async ({ code, key, n }) => {
      const out: number[] = [];
      const confirmed: number[] = [];
      const requests: number[] = [];
      const before: number[] = [];
      const after: number[] = [];
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let i = 0; out.length < n && i < n * 3; i++) {
        const runs = [...document.querySelectorAll<HTMLElement>('.turn-text [data-end]')].filter((r) => {
          const b = r.getBoundingClientRect();
          return b.top > 120 && b.bottom < window.innerHeight - 60 && (r.textContent ?? '').length > 12 && !(r.dataset.codes ?? '').includes(code);
        });
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
        await frame();
        const start = Number(run.dataset.start) + at;
        const coded = () =>
          [...document.querySelectorAll<HTMLElement>(`[data-testid="highlight"][data-codes~="${code}"]`)].some(
            (h) => Number(h.dataset.start) <= start && Number(h.dataset.end) > start,
          );
        if (coded()) continue;
        // Painted: the frame after the highlight entered the DOM has run its rendering
        // steps (a message posted from that frame's animation callback runs after them).
        // Confirmed: the saved indicator says the write answered.
        const indicator = document.querySelector<HTMLElement>('[data-testid="saved-indicator"]')!;
        const painted = new Promise<number>((resolve, reject) => {
          const give = setTimeout(() => reject(new Error(`no highlight at ${start}`)), 5000);
          const seen = new MutationObserver(() => {
            if (!coded()) return;
            seen.disconnect();
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                clearTimeout(give);
                resolve(performance.now());
              };
              channel.port2.postMessage(null);
            });
          });
          seen.observe(document.querySelector('[data-testid="transcript"]')!, { subtree: true, childList: true, attributes: true });
        });
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
        const t0 = performance.now();
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        const [paintedAt, savedAt] = await Promise.all([painted, saved]);
        out.push(paintedAt - t0);
        confirmed.push(savedAt - t0);
        const calls = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/segments.apply'));
        const call = calls[calls.length - 1] as PerformanceResourceTiming | undefined;
        requests.push(call?.duration ?? NaN);
        before.push(call ? call.startTime - t0 : NaN);
        after.push(call ? savedAt - call.responseEnd : NaN);
        // A researcher reads between codings; let the counts refresh settle as it would.
        await new Promise((r) => setTimeout(r, 300));
      }
      return { times: out, confirmed, requests, before, after };
    },
    { code, key, n },
  );
  return result;
}
