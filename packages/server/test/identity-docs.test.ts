import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userHash, verifyIdentity } from '../src/auth/identity.ts';

/*
 * The host-side sample code in docs/identity.md is what integrators copy:
 * it must produce the documented known-answer vectors, in every language shown.
 */
const doc = readFileSync(resolve(import.meta.dirname, '../../../docs/identity.md'), 'utf8');
/** The first code block in `lang` that computes an HMAC (the widget snippets come first). */
const block = (lang: string) => {
  const blocks = [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
  const sample = blocks.find((b) => /hmac/i.test(b));
  if (!sample) throw new Error(`docs/identity.md has no ${lang} sample`);
  return sample;
};
const cells = (row: string) => row.split('|').slice(1, -1).map((c) => c.trim().replace(/^`|`$/g, ''));
const hashVectors = doc.split('\n').filter((l) => /^\| `[^`]*` \| `[^`]*` \| `[0-9a-f]{64}` \|$/.test(l)).map(cells) as [string, string, string][];
const jwtVectors = doc.split('\n').filter((l) => /^\| `[^`]*` \| `[^`]*` \| `\d+` \| `\d+` \| `eyJ/.test(l)).map(cells) as [string, string, string, string, string][];

function run(command: string, args: string[], source: string, file: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'helpdock-docs-'));
  try {
    writeFileSync(join(dir, file), source);
    const result = spawnSync(command, [...args, join(dir, file)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
    return result.stdout.trim().split('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the identity docs', () => {
  it('list known-answer vectors that the server agrees with', () => {
    expect(hashVectors.length).toBeGreaterThanOrEqual(3);
    expect(jwtVectors.length).toBeGreaterThanOrEqual(1);
    for (const [secret, userId, hash] of hashVectors) {
      expect(userHash(secret, userId)).toBe(hash);
      expect(verifyIdentity(secret, { userId, token: hash })).toMatchObject({ ok: true, userId });
    }
    for (const [secret, userId, now, , jwt] of jwtVectors) {
      expect(verifyIdentity(secret, { userId, token: jwt }, Number(now) + 10)).toMatchObject({ ok: true, userId, issuedAtMs: Number(now) * 1000 });
    }
  });

  it('show Node sample code that produces them', () => {
    const harness = `${block('js')}\nconst hv = ${JSON.stringify(hashVectors)};\nfor (const [s, u] of hv) console.log(userHash(s, u));\nconst jv = ${JSON.stringify(jwtVectors)};\nfor (const [s, u, now, ttl] of jv) console.log(identityJwt(s, u, Number(ttl), Number(now)));\n`;
    expect(run(process.execPath, [], harness, 'sample.mjs')).toEqual([...hashVectors.map((v) => v[2]), ...jwtVectors.map((v) => v[4])]);
  });

  it('show Python sample code that produces them', () => {
    const python = spawnSync('python3', ['--version']);
    if (python.status !== 0 && process.env['HELPDOCK_REQUIRE_SERVICES'] !== '1') return;
    const harness = `${block('python')}\nimport json\nfor s, u, _ in json.loads(${JSON.stringify(JSON.stringify(hashVectors))}):\n    print(user_hash(s, u))\nfor s, u, now, ttl, _ in json.loads(${JSON.stringify(JSON.stringify(jwtVectors))}):\n    print(identity_jwt(s, u, int(ttl), int(now)))\n`;
    expect(run('python3', [], harness, 'sample.py')).toEqual([...hashVectors.map((v) => v[2]), ...jwtVectors.map((v) => v[4])]);
  });
});
