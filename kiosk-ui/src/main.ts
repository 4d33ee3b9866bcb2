import './shell/kiosk-app.js';
