import "server-only";

/*
 * The tracking snippet served at /t.js: plain ES2017, no dependencies, well under 10 KB. A site
 * includes it with its write key:
 *
 *   <script src="https://leadgate.example.com/t.js" data-write-key="lg_pub_…" async></script>
 *
 * It gives the browser a first-party anonymous id (local storage and a cookie on the site's own
 * domain), reports each page view (URL, referrer; the server reads the UTM parameters from the
 * URL), reports forms marked `data-leadgate` on submit with only the fields that name lead fields
 * (never passwords), and offers `leadgate.identify({ email, … })` and `leadgate.page()`. Messages
 * go with navigator.sendBeacon as text/plain, which survives the page unloading and needs no CORS
 * preflight; fetch with keepalive where beacons are missing.
 */
export const SNIPPET_SOURCE = `(function () {
  "use strict";
  var w = window, d = document;
  if (w.leadgate && w.leadgate.loaded) return;
  var script = d.currentScript || d.querySelector("script[data-write-key]");
  var writeKey = script && script.getAttribute("data-write-key");
  if (!writeKey) return;
  var endpoint = new URL("/api/v1/collect", script.src).href;
  var NAME = "lg_aid";
  var FIELDS = /^(email|firstname|lastname|title|jobtitle|phone|company|companyname|companysize|industry|country|website)$/;

  function newId() {
    if (w.crypto && w.crypto.randomUUID) return w.crypto.randomUUID().replace(/-/g, "");
    var id = "";
    for (var i = 0; i < 4; i++) id += Math.random().toString(36).slice(2, 10);
    return (id + Date.now().toString(36)).slice(0, 32);
  }
  function stored() {
    try { var kept = w.localStorage.getItem(NAME); if (kept) return kept; } catch (e) {}
    var match = d.cookie.match(/(?:^|; )lg_aid=([A-Za-z0-9_-]{8,64})/);
    return match && match[1];
  }
  var anonymousId = stored() || newId();
  try { w.localStorage.setItem(NAME, anonymousId); } catch (e) {}
  d.cookie = NAME + "=" + anonymousId + "; path=/; max-age=31536000; SameSite=Lax" + (location.protocol === "https:" ? "; Secure" : "");

  function send(type, extra) {
    var message = { writeKey: writeKey, anonymousId: anonymousId, type: type, url: location.href, occurredAt: new Date().toISOString() };
    if (d.referrer) message.referrer = d.referrer;
    for (var key in extra) if (extra[key] !== undefined) message[key] = extra[key];
    var body = JSON.stringify(message);
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(endpoint, new Blob([body], { type: "text/plain" }))) return;
    } catch (e) {}
    try {
      fetch(endpoint, { method: "POST", body: body, headers: { "Content-Type": "text/plain" }, keepalive: true, credentials: "omit" }).catch(function () {});
    } catch (e) {}
  }

  function fieldName(element) {
    var name = element.getAttribute("data-leadgate-field") || element.name || "";
    return FIELDS.test(name.toLowerCase().replace(/[\\s_-]+/g, "")) ? name : null;
  }
  function traitsOf(form) {
    var traits = {};
    for (var i = 0; i < form.elements.length; i++) {
      var element = form.elements[i];
      var name = fieldName(element);
      if (!name || element.type === "password" || element.disabled) continue;
      if ((element.type === "checkbox" || element.type === "radio") && !element.checked) continue;
      if (typeof element.value === "string" && element.value.trim() !== "") traits[name] = element.value.trim().slice(0, 500);
    }
    return traits;
  }

  d.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-leadgate")) return;
    send("form_submit", { traits: traitsOf(form), properties: { form: form.getAttribute("data-leadgate") || form.id || form.name || "form" } });
  }, true);

  function page(properties) { send("page_view", { properties: properties || { title: d.title.slice(0, 300) } }); }
  function identify(traits) {
    if (!traits || typeof traits.email !== "string") throw new Error("leadgate.identify needs { email }");
    send("identify", { traits: traits });
  }

  var pushState = history.pushState;
  history.pushState = function () { var result = pushState.apply(this, arguments); page(); return result; };
  w.addEventListener("popstate", function () { page(); });

  w.leadgate = { loaded: true, page: page, identify: identify, anonymousId: function () { return anonymousId; } };
  page();
})();
`;
