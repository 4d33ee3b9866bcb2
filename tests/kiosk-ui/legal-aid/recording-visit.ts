import type { VisitApi } from '../../../kiosk-ui/src/context/contexts.js';

/** A visit that records what the steps ask the voice layer to say (keys and dynamic texts). */
export class RecordingVisit implements VisitApi {
  readonly visitId = 1;
  keys: string[] = [];
  texts: string[] = [];
  speak(key: string): void {
    this.keys.push(key);
  }
  speakText(text: string): void {
    this.texts.push(text);
  }
  stopSpeech(): void {}
  pauseIdle(): void {}
  resumeIdle(): void {}
  async endVisit(): Promise<void> {}
  onVisitEnd(): () => void {
    return () => undefined;
  }
}
