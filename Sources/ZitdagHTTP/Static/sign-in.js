// A sign-in link carries its token in the fragment (#token=...), which browsers never send to the
// server: fill the form with it, drop it from the address bar and history, and sign in.
(function () {
  var match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (!match) return;
  history.replaceState(null, "", window.location.pathname);
  var field = document.getElementById("token");
  field.value = match[1];
  field.form.submit();
})();
