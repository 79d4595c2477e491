// The part of yauzl (an independent zip reader, to check the zips the CLI writes) the tests use.
declare module 'yauzl' {
  import type { Readable } from 'node:stream';
  export interface Entry {
    fileName: string;
    uncompressedSize: number;
  }
  export interface ZipFile {
    entryCount: number;
    readEntry(): void;
    openReadStream(entry: Entry, callback: (err: Error | null, stream: Readable) => void): void;
    on(event: 'entry', listener: (entry: Entry) => void): this;
    on(event: 'end', listener: () => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    close(): void;
  }
  export function fromBuffer(buffer: Buffer, options: { lazyEntries: true; strictFileNames?: boolean; validateEntrySizes?: boolean }, callback: (err: Error | null, zip: ZipFile) => void): void;
}
