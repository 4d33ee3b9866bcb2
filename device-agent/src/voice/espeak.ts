import { execFile, spawn } from 'node:child_process';

export const ESPEAK_VOICE = 'cmn-latn-pinyin';
export const ESPEAK_SPEED = 150;

/** `espeak-ng --version` first line, or null when it cannot be run. */
export function espeakVersion(path: string): Promise<string | null> {
  return new Promise((done) => {
    execFile(path, ['--version'], { timeout: 5000 }, (err, stdout) =>
      done(err ? null : (stdout.trim().split('\n')[0] ?? '')),
    );
  });
}

/**
 * Synthesises numbered pinyin to WAV (22,050 Hz, 16-bit mono). Text goes on stdin (no quoting or
 * leading-dash problems). The RIFF sizes espeak-ng leaves open on a pipe are filled in.
 */
export function synthesise(path: string, pinyinText: string, signal?: AbortSignal): Promise<Buffer> {
  return new Promise((done, fail) => {
    const child = spawn(path, ['-v', ESPEAK_VOICE, '-s', String(ESPEAK_SPEED), '--stdin', '--stdout'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      signal,
      timeout: 15_000,
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`espeak-ng exited with ${code}: ${stderr.slice(0, 200)}`));
      const wav = Buffer.concat(chunks);
      if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF')
        return fail(new Error('espeak-ng produced no WAV'));
      done(fixWavSizes(wav));
    });
    child.stdin.end(`${pinyinText}\n`);
  });
}

/** Sets the RIFF and `data` chunk sizes from the actual length. */
export function fixWavSizes(wav: Buffer): Buffer {
  wav.writeUInt32LE(wav.length - 8, 4);
  let offset = 12;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    if (id === 'data') {
      wav.writeUInt32LE(wav.length - offset - 8, offset + 4);
      break;
    }
    offset += 8 + wav.readUInt32LE(offset + 4);
  }
  return wav;
}
