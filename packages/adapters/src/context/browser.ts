const BROWSERS: ReadonlyArray<[string, RegExp]> = [
  ['Edge', /Edg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /OPR\/(\d+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /Version\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari/],
];
const SYSTEMS: ReadonlyArray<[string, RegExp]> = [
  ['Android', /Android/],
  ['iOS', /iPhone|iPad|iPod/],
  ['Windows', /Windows/],
  ['macOS', /Mac OS X|Macintosh/],
  ['ChromeOS', /CrOS/],
  ['Linux', /Linux/],
];

/** `Chrome 126 · Linux`: enough for an agent, nothing that fingerprints the user. */
export function describeBrowser(userAgent: string): string {
  const browser = BROWSERS.find(([, re]) => re.test(userAgent));
  const system = SYSTEMS.find(([, re]) => re.test(userAgent));
  const name = browser ? `${browser[0]} ${browser[1].exec(userAgent)?.[1] ?? ''}`.trim() : 'Unknown browser';
  return system ? `${name} · ${system[0]}` : name;
}

const BCP47 = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The page's language, `<html lang>` first, else the browser's: only a well-formed tag. */
export function pageLocale(): string | undefined {
  return [document.documentElement.lang, navigator.language].find((l) => l && BCP47.test(l));
}
