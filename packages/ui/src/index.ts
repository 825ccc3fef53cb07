export { App } from './App.tsx';
export { bindCore } from './binding.ts';
export type { Translate, UiBinding } from './binding.ts';
export { HOST_ID, mountUi } from './mount.tsx';
export type { MountedUi, MountOptions } from './mount.tsx';
export { adoptStyles, WIDGET_CSS } from './styles.ts';
