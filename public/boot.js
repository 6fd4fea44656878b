// Loads the Leptos app. Kept in its own file because the Content-Security-Policy forbids
// inline scripts.
import init from "/pkg/edgedesk-app.js";

init();
