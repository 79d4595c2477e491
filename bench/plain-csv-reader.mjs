/**
 * The batch benchmark's baseline: the least a streaming CSV batch must do. It reads the staff CSV line by line
 * (node:readline over a file stream), splits each line at its commas and writes one line per person (the
 * name), with backpressure; it checks and assesses nothing. `levelfit batch` is measured beside it in the same run.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

const lines = createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity });
let text = '';
let n = 0;
for await (const line of lines) {
  if (n++ === 0) continue; // the header
  text += `${line.split(',')[0]}\n`;
  if (n % 1000 === 0) {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
    text = '';
  }
}
process.stdout.write(text);
