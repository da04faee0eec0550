/* The session's CSRF token on every state-changing request a page sends: a hidden field on
   every POST form when it is submitted, a header on every htmx request and on the pages' own
   fetch calls to this server. The token comes from base.html's <meta name="csrf-token">. */
(function () {
  "use strict";
  const meta = document.querySelector('meta[name="csrf-token"]');
  if (!meta) return;
  const token = meta.content;
  const unsafe = (method) => !/^(get|head|options)$/i.test(method || "get");

  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !unsafe(form.method)) return;
      let field = form.querySelector('input[name="csrf_token"]');
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = "csrf_token";
        form.appendChild(field);
      }
      field.value = token;
    },
    true,
  );

  document.addEventListener("htmx:configRequest", (event) => {
    event.detail.headers["X-CSRF-Token"] = token;
  });

  const send = window.fetch.bind(window);
  window.fetch = (input, init = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
    const method = init.method || (input instanceof Request ? input.method : "GET");
    if (url.origin === window.location.origin && unsafe(method)) {
      const headers = new Headers(init.headers || (input instanceof Request ? input.headers : {}));
      headers.set("X-CSRF-Token", token);
      return send(input, { ...init, headers });
    }
    return send(input, init);
  };
})();
