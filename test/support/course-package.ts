/**
 * Helpers for the course package tests: `levelfit package` run through the CLI's `main` (writing a real zip in
 * a temporary folder), and the zip read back with yauzl, a zip reader independent of the writer (fflate).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromBuffer } from 'yauzl';
import { main } from '../../packages/engine/src/cli/index.ts';

export interface PackageRun {
  code: number;
  out: string[];
  err: string[];
  /** The zip written, or null when none was. */
  zip: Buffer | null;
}

/** Runs `levelfit package ARGS --out <tmp>/course.zip` (unless ARGS has --out). */
export async function runPackage(args: string[]): Promise<PackageRun> {
  const out: string[] = [];
  const err: string[] = [];
  const file = args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(mkdtempSync(join(tmpdir(), 'levelfit-package-')), 'course.zip');
  const argv = args.includes('--out') ? ['package', ...args] : ['package', ...args, '--out', file];
  const code = await main(argv, { out: (l) => void out.push(l), err: (l) => void err.push(l), readFile: (p) => readFileSync(p, 'utf8') });
  let zip: Buffer | null = null;
  try {
    zip = code === 0 ? readFileSync(file) : null;
  } catch {
    zip = null;
  }
  return { code, out, err, zip };
}

/** Every entry of a zip, by name, read with yauzl (which checks sizes and names as it goes). */
export function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(zip, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true }, (err, file) => {
      if (err) return reject(err);
      const entries = new Map<string, Buffer>();
      file.on('error', reject);
      file.on('end', () => resolve(entries));
      file.on('entry', (entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}
