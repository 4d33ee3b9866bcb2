// Defines every mediation step element (imported once by the owner).
import './kiosk-mediation-village.js';
import './kiosk-mediation-other-name.js';
import './kiosk-mediation-kind.js';
import './kiosk-mediation-requests.js';
import './kiosk-mediation-description.js';
import './kiosk-mediation-consent.js';
import './kiosk-mediation-mark.js';
import './kiosk-mediation-review.js';
import './kiosk-mediation-receipt.js';
import '../steps/kiosk-phone-step.js';
