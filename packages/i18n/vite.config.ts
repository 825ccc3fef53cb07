import { libraryConfig } from '../../scripts/vite-library.ts';

export default libraryConfig(import.meta.dirname, { index: 'src/index.ts', time: 'src/time.ts', later: 'src/later.ts' });
