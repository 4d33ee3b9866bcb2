// Defines every legal-aid step element (imported once by the owner).
import './kiosk-legal-aid-consent.js';
import './kiosk-legal-aid-id-card.js';
import './kiosk-legal-aid-manual-id.js';
import './kiosk-legal-aid-phone.js';
import './kiosk-legal-aid-matter.js';
import './kiosk-legal-aid-details.js';
import './kiosk-legal-aid-circumstances.js';
import './kiosk-legal-aid-group.js';
import './kiosk-legal-aid-pledge.js';
import './kiosk-legal-aid-urgency.js';
import './kiosk-legal-aid-assessment.js';
import './kiosk-legal-aid-documents.js';
import './kiosk-legal-aid-review.js';
import './kiosk-legal-aid-signature.js';
import './kiosk-legal-aid-submitting.js';
import './kiosk-legal-aid-receipt.js';
import './kiosk-legal-aid-done.js';
