import './center-app.js';
