// The script tag's file: tiny, dependency-free, built as an IIFE.
import { installLoader } from './loader/install.ts';

installLoader(window, (url) => import(/* @vite-ignore */ url));
