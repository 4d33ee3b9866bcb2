// Entry of the technician admin page (kiosk-ui/admin.html), served on the agent's admin listener.
import './kiosk-admin-app.js';
