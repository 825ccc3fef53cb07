import './styles.css';
import { mountConsole } from './mount.tsx';

const root = document.getElementById('app');
if (root) void mountConsole(root);
