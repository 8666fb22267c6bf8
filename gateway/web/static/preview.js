// Live preview of the public reply template on the Configure page. Optional:
// without JavaScript the Preview button renders the same text on the server
// (config.RenderTemplate); unknown variables are left as written, as there.
(function () {
  var t = document.getElementById("public_reply_template");
  var p = document.getElementById("preview");
  if (!t || !p) return;
  var v = { requesterName: "Dana Requester", ticketId: "12345", severity: "high" };
  t.addEventListener("input", function () {
    p.textContent = t.value.replace(/\{\{\s*(\w+)\s*\}\}/g, function (m, n) {
      return Object.prototype.hasOwnProperty.call(v, n) ? v[n] : m;
    });
  });
})();
