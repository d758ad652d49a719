// Before the app's JavaScript arrives, the prerendered sign-in form can be filled in but not
// submitted (its button is type="button", so the browser can't send the password in a URL). This
// notes a press of "Sign in" (or Enter in a field) so the app signs in as soon as it takes over.
// A file, not an inline script: the Content-Security-Policy allows only 'self' scripts.
(function () {
  var form = document.querySelector('form[data-prerendered]');
  if (!form) return;
  var submit = form.querySelector('[data-submit]');
  // Disabled in the HTML, so that nobody presses a button that can't do anything yet.
  if (submit) submit.disabled = false;
  var queue = function () {
    form.setAttribute('data-pending', 'submit');
    if (submit) {
      submit.setAttribute('aria-busy', 'true');
      submit.textContent = submit.getAttribute('data-waiting') || submit.textContent;
    }
  };
  form.addEventListener('click', function (e) {
    if (e.target instanceof Element && e.target.closest('[data-submit]')) queue();
  });
  form.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      queue();
    }
  });
})();
