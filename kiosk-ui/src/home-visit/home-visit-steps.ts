// Defines every booking step element (imported once by the owner).
import './kiosk-home-visit-person.js';
import './kiosk-home-visit-about.js';
import './kiosk-home-visit-choice.js';
import './kiosk-home-visit-phone.js';
import './kiosk-home-visit-days.js';
import './kiosk-home-visit-consent.js';
import './kiosk-home-visit-review.js';
import './kiosk-home-visit-receipt.js';
import './kiosk-home-visit-done.js';
import '../components/kiosk-satisfaction.js';
import '../legal-aid/kiosk-legal-aid-submitting.js';
