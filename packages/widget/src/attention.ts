import type { TabSync } from '@helpdock/adapters';
import { selectUnread, type HelpdockCore } from '@helpdock/core';

export interface AttentionOptions {
  core: HelpdockCore;
  tabs: TabSync;
  /** Prefix the page title with the unread count, e.g. "(2) Instances". */
  titleUnread: boolean;
  /** A short tone when a reply arrives unseen. */
  sound: boolean;
  /** `document` (tests pass their own). */
  doc: Document;
}

const PREFIX = /^\(\d+\) /;

/**
 * How an unseen reply gets the visitor's attention, and how tabs agree on it:
 * the page's visibility feeds the read mark, each tab tells the others what it
 * read, the title carries the count, and (opt-in) one tab plays a tone.
 */
export function watchAttention({ core, tabs, titleUnread, sound, doc }: AttentionOptions): () => void {
  const visible = () => doc.visibilityState !== 'hidden';
  const onVisibility = () => core.setPageVisible(visible());
  core.setPageVisible(visible());
  doc.addEventListener('visibilitychange', onVisibility);

  const stopTabs = tabs.subscribe((note) => {
    if (note.kind === 'read') core.adoptReadMark(note.seq);
    else dingedSeq = Math.max(dingedSeq, note.seq);
  });

  let shown = 0;
  const setTitle = (count: number) => {
    if (!titleUnread || count === shown) return;
    shown = count;
    // The host may retitle the page at any time: only our own prefix is ever replaced.
    const base = doc.title.replace(PREFIX, '');
    doc.title = count > 0 ? `(${count}) ${base}` : base;
  };

  // The first tab to hear a reply claims its tone, so several open tabs ring once.
  let dingedSeq = core.store.getState().lastSeq;
  const ding = (seq: number) => {
    if (!sound || seq <= dingedSeq) return;
    dingedSeq = seq;
    tabs.post({ kind: 'ding', seq });
    playTone(doc);
  };

  let readSeq = core.store.getState().readSeq;
  const stop = core.store.subscribe((s, prev) => {
    if (s.readSeq > readSeq) {
      readSeq = s.readSeq;
      tabs.post({ kind: 'read', seq: s.readSeq });
    }
    const unread = selectUnread(s);
    setTitle(unread);
    if (unread > selectUnread(prev)) ding(s.lastSeq);
  });
  setTitle(selectUnread(core.store.getState()));

  return () => {
    stop();
    stopTabs();
    doc.removeEventListener('visibilitychange', onVisibility);
    setTitle(0);
  };
}

type AudioContextCtor = new () => AudioContext;

// Two soft notes from an oscillator: no audio file to fetch, nothing for a CSP to block.
function playTone(doc: Document): void {
  try {
    const win = doc.defaultView as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor } | null;
    const Ctx = win?.AudioContext ?? win?.webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const gain = ctx.createGain();
    gain.gain.value = 0.05;
    gain.connect(ctx.destination);
    [660, 880].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + i * 0.12);
      osc.stop(ctx.currentTime + i * 0.12 + 0.1);
    });
    setTimeout(() => void ctx.close().catch(() => undefined), 600);
  } catch {
    // Autoplay blocked or no audio device: the badge and title still say it.
  }
}
