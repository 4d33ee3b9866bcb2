import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The one picture the fake decoder gives: 102 × 126 (a card photo's size), a light oval on blue. */
export const FAKE_CARD_PHOTO = {
  width: 102,
  height: 126,
  base64:
    'iVBORw0KGgoAAAANSUhEUgAAAGYAAAB+CAIAAABZOPPDAAACSElEQVR4Ae3Bwa0cORBEwbeJOZUlMqYsKOv2RAtoG88CZIFSQ7L7AxXx36/6n+YQzSSaSTSTaCbRTKKZRDOJZhLNJJpJNJNoJtFMoplEM314h1mLv5AjeNqHR81aOGYt/sgRPOTDQ2YtvjBrATmC6z5cN2uxyawF5AguEnfNWuw2a3GRuGjW4oxZi1vELbMWJ81aXCGumLU4b9biPHHerMUtsxaHicNmLe6atThJnDRr8YRZi2PEMbMWz5m1OEOcMWvxtFmLA0QziQNmLd5h1mI30Uxit1mLN5m12EpsNWvxPrMW+4hmEs0k9pm1eKtZi01EM4lNZi3ebdZiB9FMopnEDrMWP8GsxddEM4lmEs0kvjZr8XPMWnxHNJNoJtFMoplEM4lmEs0kmkk0k2gm0UyimUQziWYSzSSaSTSTaCbRTKKZxNdyBD9HjuA7oplEM4lmEjvkCH6CHMHXRDOJZhKb5AjeLUewg2gmsU+O4K1yBJuIZhLNJLbKEbxPjmAfsVuO4E1yBFuJZhIH5AjeIUewm2gmcUaO4Gk5ggPEMTmC5+QIzhAn5QiekCM4RhyWI7grR3CSOC9HcEuO4DBxRY7gvBzBeeKWHMFJOYIrxEU5gjNyBLeIu3IEu+UILvpwXY4AZi2+liO47sNDcgQwa/FPcgQP+fCoHMEfsxZ/IUfwtA/vkCP4IUQziWYSzSSaSTSTaCbRTKKZRDOJZhLNJJpJNJNoJtFMoplEM4lmEs0kmkk0k2gm0UyimUQziWYSzSSaSTSTaKbfq6WBKk3PH7MAAAAASUVORK5CYII=',
};

/**
 * Writes a stand-in for a vendor WLT decoder (idcard-reader.md §8: no open one exists) into `dir` and
 * returns the command for the agent's `devices.idCard.photoDecoder`: it reads the card's WLT bytes
 * on stdin and writes, whatever they are, FAKE_CARD_PHOTO as PNG on stdout.
 */
export function writeFakeWltDecoder(dir: string): string[] {
  const script = join(dir, 'fake-wlt-decoder.cjs');
  writeFileSync(
    script,
    `process.stdin.on('data', () => undefined);\n` +
      `process.stdin.on('end', () => process.stdout.write(Buffer.from(${JSON.stringify(FAKE_CARD_PHOTO.base64)}, 'base64')));\n`,
  );
  return [process.execPath, script];
}
