import { libraryConfig } from '../../scripts/vite-library.ts';

export default libraryConfig(import.meta.dirname, { index: 'src/index.ts', node: 'src/node.ts', 'eval-bin': 'src/eval-bin.ts', 'bundle-bin': 'src/bundle-bin.ts' });
