// Defines every notarization step element (imported once by the owner).
import './kiosk-notarization-matter.js';
import './kiosk-notarization-not-here.js';
import './kiosk-notarization-purpose.js';
import './kiosk-notarization-applicant.js';
import './kiosk-notarization-consent.js';
import './kiosk-notarization-liveness.js';
import './kiosk-notarization-documents.js';
import './kiosk-notarization-phone.js';
import './kiosk-notarization-interview.js';
import './kiosk-notarization-review.js';
import './kiosk-notarization-receipt.js';
