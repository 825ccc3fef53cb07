// The script-tag bundle: loaded by loader.js, it takes over window.Helpdock.
import { bootFromLoader } from './script-tag.ts';

bootFromLoader(window);
