/* send_toolkit progressive enhancement. Everything works without this file:
   it only saves reading options without a page reload and adds a print button. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.className = root.className.replace(/\bno-js\b/, "js");

  var COOKIE = "send_toolkit_reading";
  var YEAR = 365 * 24 * 60 * 60;

  function readCookie() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([^;]*)"));
    var chosen = {};
    if (!match) return chosen;
    decodeURIComponent(match[1]).split("|").forEach(function (part) {
      var pair = part.split(":");
      if (pair.length === 2) chosen[pair[0]] = pair[1];
    });
    return chosen;
  }

  function writeCookie(chosen) {
    var parts = [];
    Object.keys(chosen).forEach(function (name) {
      if (chosen[name] && chosen[name] !== "standard") parts.push(name + ":" + chosen[name]);
    });
    var secure = location.protocol === "https:" ? "; Secure" : "";
    var value = parts.length ? parts.join("|") + "; Max-Age=" + YEAR : "; Max-Age=0";
    document.cookie = COOKIE + "=" + value + "; Path=/; SameSite=Lax" + secure;
  }

  function refreshStylesheet() {
    var link = document.getElementById("reading-preferences-css");
    if (!link) return;
    var fresh = link.cloneNode();
    fresh.href = link.href.split("?")[0] + "?v=" + Date.now();
    fresh.onload = function () { link.remove(); };
    link.after(fresh);
  }

  function showChoices(form, chosen) {
    Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (radio) {
      radio.checked = (chosen[radio.name] || "standard") === radio.value;
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-reading-options]"), function (form) {
    var status = form.querySelector("[role=status]");
    showChoices(form, readCookie());
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var reset = event.submitter && event.submitter.name === "reset";
      var chosen = reset ? {} : readCookie();
      if (!reset) {
        Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]:checked"), function (radio) {
          chosen[radio.name] = radio.value;
        });
      }
      writeCookie(chosen);
      showChoices(form, chosen);
      refreshStylesheet();
      if (status) status.textContent = reset ? "Reading options reset to standard." : "Reading options saved.";
    });
  });

  var main = document.querySelector(".toolkit-page");
  if (main && window.print) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary print-button";
    button.textContent = "Print this page";
    button.addEventListener("click", function () { window.print(); });
    var footer = main.querySelector(".review-date");
    main.insertBefore(button, footer && footer.parentNode === main ? footer : null);
  }
})();
