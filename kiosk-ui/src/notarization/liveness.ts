// The live-person presence check as a pure per-frame state machine (face-check.md §8–§9): no DOM, no
// timers. Feed one call per processed camera frame with the detections; it says what to ask next.
// A presence and head-turn check, not certified anti-spoofing.

export interface Keypoint {
  x: number;
  y: number;
}

/** One detected face: box in pixels, 6 keypoints normalised to [0, 1] (tasks-vision FaceDetector). */
export interface FaceBox {
  score: number;
  box: { originX: number; originY: number; width: number; height: number };
  keypoints: Keypoint[];
}

export type TurnDirection = 'left' | 'right';

export type LivenessHint =
  | 'noFace'
  | 'multipleFaces'
  | 'moveCloser'
  | 'moveBack'
  | 'centreFace'
  | 'lookStraight'
  | 'holdStill'
  | 'turnLeft'
  | 'turnRight'
  | 'passed'
  | 'timeout';

export type LivenessPhase = 'positioning' | 'turn' | 'passed' | 'failed';

export interface LivenessParams {
  minScore: number;
  minFaceFrac: number;
  maxFaceFrac: number;
  centreTol: number;
  frontalMaxYaw: number;
  stableFrames: number;
  turnYaw: number;
  holdFrames: number;
  timeoutMs: number;
}

/** The tested values of face-check.md §9, with a longer timeout for voice-guided elderly users. */
export const DEFAULT_LIVENESS: LivenessParams = {
  minScore: 0.7,
  minFaceFrac: 0.18,
  maxFaceFrac: 0.75,
  centreTol: 0.15,
  frontalMaxYaw: 12,
  stableFrames: 8,
  turnYaw: 25,
  holdFrames: 3,
  timeoutMs: 25_000,
};

export interface LivenessState {
  phase: LivenessPhase;
  hint: LivenessHint;
  order: TurnDirection[];
  /** Index into `order` of the turn being asked for. */
  turn: number;
  stable: number;
  hold: number;
  startedAt: number | null;
  yaw: number | null;
  /** What the frames showed most while positioning failed (for the spoken reason on a timeout). */
  sawMultiple: number;
  sawNone: number;
}

export function initialLiveness(order: TurnDirection[]): LivenessState {
  return {
    phase: 'positioning',
    hint: 'noFace',
    order,
    turn: 0,
    stable: 0,
    hold: 0,
    startedAt: null,
    yaw: null,
    sawMultiple: 0,
    sawNone: 0,
  };
}

/** A random order of the two turns (`random` in [0, 1)). */
export function randomOrder(random: number): TurnDirection[] {
  return random < 0.5 ? ['left', 'right'] : ['right', 'left'];
}

/**
 * Head yaw in degrees from the keypoints (cylinder model): atan2(dR − dL, dR + dL) with dR = nose − right
 * ear, dL = left ear − nose (x only, unmirrored frame). Positive: the person turned to THEIR left.
 */
export function yawOf(keypoints: Keypoint[]): number | null {
  const [, , nose, , rightEar, leftEar] = keypoints;
  if (!nose || !rightEar || !leftEar) return null;
  const dR = nose.x - rightEar.x;
  const dL = leftEar.x - nose.x;
  return (Math.atan2(dR - dL, dR + dL) * 180) / Math.PI;
}

function turnHint(dir: TurnDirection | undefined): LivenessHint {
  return dir === 'right' ? 'turnRight' : 'turnLeft';
}

/** One processed frame. */
export function livenessStep(
  s: LivenessState,
  faces: FaceBox[],
  frame: { width: number; height: number; now: number },
  p: LivenessParams = DEFAULT_LIVENESS,
): LivenessState {
  if (s.phase === 'passed' || s.phase === 'failed') return s;
  const startedAt = s.startedAt ?? frame.now;
  if (frame.now - startedAt >= p.timeoutMs) return { ...s, startedAt, phase: 'failed', hint: 'timeout' };
  const seen = faces.filter((f) => f.score >= p.minScore);
  const base = { ...s, startedAt };
  if (seen.length === 0)
    return {
      ...base,
      phase: 'positioning',
      hint: 'noFace',
      stable: 0,
      hold: 0,
      turn: 0,
      yaw: null,
      sawNone: s.sawNone + 1,
    };
  if (seen.length > 1)
    return {
      ...base,
      phase: 'positioning',
      hint: 'multipleFaces',
      stable: 0,
      hold: 0,
      turn: 0,
      yaw: null,
      sawMultiple: s.sawMultiple + 1,
    };
  const face = seen[0];
  const yaw = yawOf(face.keypoints);
  if (s.phase === 'positioning') {
    const frac = face.box.width / frame.width;
    const cx = (face.box.originX + face.box.width / 2) / frame.width;
    const cy = (face.box.originY + face.box.height / 2) / frame.height;
    const fail = (hint: LivenessHint): LivenessState => ({ ...base, hint, stable: 0, yaw });
    if (frac < p.minFaceFrac) return fail('moveCloser');
    if (frac > p.maxFaceFrac) return fail('moveBack');
    if (Math.abs(cx - 0.5) > p.centreTol || Math.abs(cy - 0.5) > p.centreTol) return fail('centreFace');
    if (yaw === null || Math.abs(yaw) > p.frontalMaxYaw) return fail('lookStraight');
    const stable = s.stable + 1;
    if (stable < p.stableFrames) return { ...base, hint: 'holdStill', stable, yaw };
    return { ...base, phase: 'turn', hint: turnHint(s.order[0]), stable, turn: 0, hold: 0, yaw };
  }
  // phase 'turn'
  const dir = s.order[s.turn];
  if (yaw === null) return { ...base, yaw };
  const wanted = dir === 'left' ? yaw > p.turnYaw : yaw < -p.turnYaw;
  const wrongWay = dir === 'left' ? yaw < -p.turnYaw : yaw > p.turnYaw;
  if (wrongWay) return { ...base, hold: 0, yaw };
  if (!wanted) return { ...base, yaw };
  const hold = s.hold + 1;
  if (hold < p.holdFrames) return { ...base, hold, yaw };
  const next = s.turn + 1;
  if (next >= s.order.length) return { ...base, phase: 'passed', hint: 'passed', hold, yaw };
  return { ...base, turn: next, hold: 0, hint: turnHint(s.order[next]), yaw };
}

/** Why a failed check failed, in the flow's terms: mostly two faces, no face at the end, or no turn in time. */
export function failureReason(s: LivenessState): 'timeout' | 'multipleFaces' | 'noFace' {
  if (s.sawMultiple > 0 && s.sawMultiple > s.sawNone) return 'multipleFaces';
  if (s.sawNone > 0 && s.yaw === null) return 'noFace';
  return 'timeout';
}
