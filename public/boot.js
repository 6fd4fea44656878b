// Loads the one bundle of the SPA that serves this page (README, "One bundle per
// audience"); the SPA asks `edgedeskBundle` too, and reloads when a link leads elsewhere.
// A file of its own because the Content-Security-Policy forbids inline scripts.
// scripts/build.sh writes the content-hashed names in.
const BUNDLES = {
  portal: "/pkg/portal.js", console: "/pkg/console.js", admin: "/pkg/admin.js", breaches: "/pkg/breaches.js",
  reports: "/pkg/reports.js",
};

// A staff browser (the `edgedesk_staff` cookie, a hint set at sign-in: the API decides what
// anyone may see) opens ticket pages in the console; admin, console, the data-breach
// cases and the reports have their own paths.
globalThis.edgedeskBundle = (path) => {
  const under = (prefix) => path === prefix || path.startsWith(prefix + "/");
  if (under("/admin")) return "admin";
  if (under("/breaches")) return "breaches";
  if (under("/reports")) return "reports";
  if (under("/console")) return "console";
  if (path.startsWith("/tickets/") && staffHint()) return "console";
  return "portal";
};

function staffHint() {
  return document.cookie.split("; ").includes("edgedesk_staff=1");
}

const { default: init } = await import(BUNDLES[globalThis.edgedeskBundle(location.pathname)]);
init();
