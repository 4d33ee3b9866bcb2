// Defines every consultation screen element (imported once by the owner).
import './kiosk-consultation-topic.js';
import './kiosk-consultation-consent.js';
import './kiosk-consultation-caller-name.js';
import './kiosk-consultation-device-check.js';
import './kiosk-consultation-queue.js';
import './kiosk-consultation-call.js';
import './kiosk-consultation-rating.js';
import './kiosk-consultation-summary.js';
import './kiosk-consultation-fallback.js';
import './kiosk-consultation-callback.js';
import './kiosk-consultation-callback-done.js';
