import type { Region } from '../data.ts';

/** What a page gets: where it is, and how to go somewhere else without a reload. */
export interface PageEnv {
  region: Region;
  navigate(href: string): void;
  /** The console's own API; failures here are what the widget may capture. */
  api(path: string, init?: RequestInit): Promise<Response>;
}

export interface Page {
  title: string;
  /** Which product tab is current. */
  product: 'ecs' | 'oss' | 'cdn' | 'vpc';
  render(main: HTMLElement): void;
}
