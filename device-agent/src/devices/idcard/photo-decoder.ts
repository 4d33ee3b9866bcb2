import { spawn } from 'node:child_process';

export interface PhotoDecoderOptions {
  /** Program and arguments; it reads 1024 WLT bytes on stdin and writes a BMP or PNG to stdout. */
  command: string[];
  timeoutMs?: number;
}

export interface DecodedPhoto {
  mimeType: 'image/bmp' | 'image/png';
  base64: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The optional WLT photo plugin (idcard-reader.md §8): no open WLT decoder exists, so a vendor
 * program runs as a child process (a crash there cannot take the agent down). Resolves with an error
 * text on any failure; that text never contains photo bytes.
 */
export function decodeWltPhoto(
  options: PhotoDecoderOptions,
  wlt: Buffer,
): Promise<{ photo: DecodedPhoto } | { error: string }> {
  const [program, ...args] = options.command;
  if (!program) return Promise.resolve({ error: 'no decoder command configured' });
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ error: `decoder timed out after ${options.timeoutMs ?? 3000} ms` });
    }, options.timeoutMs ?? 3000);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= 4 * 1024 * 1024) chunks.push(chunk);
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ error: `decoder failed to start (${err.message})` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const out = Buffer.concat(chunks);
      if (code !== 0) return resolve({ error: `decoder exited with code ${code}` });
      if (out.subarray(0, 8).equals(PNG_SIGNATURE))
        return resolve({ photo: { mimeType: 'image/png', base64: out.toString('base64') } });
      if (out.subarray(0, 2).toString('latin1') === 'BM')
        return resolve({ photo: { mimeType: 'image/bmp', base64: out.toString('base64') } });
      resolve({ error: `decoder output is neither BMP nor PNG (${out.length} bytes)` });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(wlt);
  });
}
