// DoubleDibz front end: the log in / sign up page, speaking the /api/auth contract.

const GENERIC_ERROR = 'Something went wrong, please try again';
const OFFLINE_MESSAGE = 'Cannot reach the server. Check your connection and try again.';
const SIGNUP_FIELDS = ['user_name', 'first_name', 'last_name', 'email', 'password', 'confirm'];

// Read once: the token is bound to this browser and stays valid through signup, login and logout.
const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

const byId = (id) => document.getElementById(id);
const views = { loading: byId('loading-view'), loggedOut: byId('auth-view'), loggedIn: byId('welcome-view') };
const banner = byId('banner');
const loginForm = byId('login-form');
const signupForm = byId('signup-form');
const welcomeHeading = byId('welcome-heading');
const logoutButton = byId('logout-button');
const logoutError = byId('logout-error');

class NetworkError extends Error {}

async function api(method, path, payload) {
  const init = { method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } };
  if (method !== 'GET') {
    init.headers['Content-Type'] = 'application/json';
    init.headers['X-CSRF-Token'] = csrfToken;
    init.body = JSON.stringify(payload ?? {});
  }

  let response;
  try {
    response = await fetch(path, init);
  } catch {
    banner.textContent = OFFLINE_MESSAGE;
    banner.hidden = false;
    throw new NetworkError();
  }
  // Any answer at all means the server is reachable again.
  banner.hidden = true;
  banner.textContent = '';

  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (e.g. a proxy's error page): handled as an error without details.
  }
  return { status: response.status, headers: response.headers, body };
}

// ---- views and focus ----

function isShown(el) {
  return el.closest('[hidden]') === null;
}

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
  logoutError.textContent = '';
  if (name === 'loggedIn') welcomeHeading.focus();
  else if (name === 'loggedOut') byId('login-login').focus();
}

function showUser(user) {
  for (const form of [loginForm, signupForm]) {
    form.reset();
    clearErrors(form);
  }
  welcomeHeading.textContent = `Welcome, ${user.user_name ?? ''}!`;
  showView('loggedIn');
}

// Disabling the focused button drops focus to <body>; put it back so keyboard users keep their place.
function restoreFocus(button) {
  const active = document.activeElement;
  if ((!active || active === document.body) && isShown(button)) button.focus();
}

// ---- errors ----

function errorElementFor(input) {
  return input?.id ? byId(`${input.id}-error`) : null;
}

function setFieldError(form, field, text) {
  const input = form.elements.namedItem(field);
  const errorEl = input instanceof HTMLInputElement ? errorElementFor(input) : null;
  if (!errorEl) return false;
  errorEl.textContent = text;
  input.setAttribute('aria-invalid', 'true');
  return true;
}

function clearFieldError(input) {
  const errorEl = errorElementFor(input);
  if (!errorEl) return;
  errorEl.textContent = '';
  input.removeAttribute('aria-invalid');
}

function formErrorElement(form) {
  return byId(form.id.replace(/-form$/, '-error'));
}

function clearErrors(form) {
  for (const input of form.querySelectorAll('input')) clearFieldError(input);
  formErrorElement(form).textContent = '';
}

function retryAfter(headers, fallback) {
  const value = headers.get('Retry-After')?.trim();
  return value && /^\d+$/.test(value) ? Number(value) : fallback;
}

// The single, form-level message for an error response.
function errorMessage({ status, headers, body }) {
  const { message, type } = body?.errors ?? {};
  if (status === 429) return `Too many attempts, try again in ${retryAfter(headers, 60)} s`;
  if (status === 503) return `The service is busy, try again in ${retryAfter(headers, 5)} s`;
  if (status === 400 && type === 'CSRF error') return 'Your session expired, reload the page';
  if (status === 422 && type === 'Wrong Authentication') return 'Invalid username or password';
  return typeof message === 'string' && message.trim() ? message : GENERIC_ERROR;
}

function showErrors(form, res) {
  const { message, type } = res.body?.errors ?? {};
  const fixedMessage = res.status === 429 || res.status === 503 || type === 'CSRF error';

  if (!fixedMessage && message && typeof message === 'object') {
    const leftovers = [];
    for (const [field, messages] of Object.entries(message)) {
      const lines = [].concat(messages ?? []).map(String);
      if (!setFieldError(form, field, lines.join('\n'))) leftovers.push(...lines);
    }
    if (leftovers.length) formErrorElement(form).textContent = leftovers.join('\n');
    form.querySelector('[aria-invalid="true"]')?.focus();
    return;
  }

  if (res.status === 409 && typeof message === 'string') {
    const field = /username/i.test(message) ? 'user_name' : /email/i.test(message) ? 'email' : null;
    if (field && setFieldError(form, field, message)) {
      form.elements.namedItem(field).focus();
      return;
    }
  }

  formErrorElement(form).textContent = errorMessage(res);
}

// ---- requests ----

// `form` receives any error other than "not signed in"; without one, errors go to the login form.
async function verifyAuth(form = loginForm) {
  let res;
  try {
    res = await api('GET', '/api/auth/verify_auth');
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    // Still loading: offer the forms; a login answers "already logged in" if a session exists.
    if (!views.loading.hidden) showView('loggedOut');
    return;
  }

  const user = res.status === 200 ? res.body?.data : null;
  if (user) {
    showUser(user);
    return;
  }
  if (views.loggedOut.hidden) showView('loggedOut');
  if (res.status !== 401) formErrorElement(form).textContent = errorMessage(res);
}

async function submitForm(form, path, payload) {
  if (form.getAttribute('aria-busy') === 'true') return;
  const button = form.querySelector('button[type="submit"]');
  clearErrors(form);
  form.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    const res = await api('POST', path, payload);
    if (res.status >= 200 && res.status < 300 && res.body?.success) {
      // Without data the server says we were already signed in; ask who as.
      if (res.body.data) showUser(res.body.data);
      else await verifyAuth(form);
    } else {
      showErrors(form, res);
    }
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
  } finally {
    form.removeAttribute('aria-busy');
    button.disabled = false;
    restoreFocus(button);
  }
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = (name) => loginForm.elements.namedItem(name);
  submitForm(loginForm, '/api/auth/login', {
    login: field('login').value,
    password: field('password').value,
    remember_me: field('remember_me').checked,
  });
});

signupForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const payload = Object.fromEntries(SIGNUP_FIELDS.map((name) => [name, signupForm.elements.namedItem(name).value]));
  submitForm(signupForm, '/api/auth/signup', payload);
});

for (const form of [loginForm, signupForm]) {
  form.addEventListener('input', (event) => clearFieldError(event.target));
}

logoutButton.addEventListener('click', async () => {
  if (logoutButton.disabled) return;
  logoutError.textContent = '';
  logoutButton.disabled = true;
  try {
    const res = await api('POST', '/api/auth/logout');
    // 401: the session had already ended, so the user is logged out either way.
    if (res.status === 200 || res.status === 401) showView('loggedOut');
    else logoutError.textContent = errorMessage(res);
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
  } finally {
    logoutButton.disabled = false;
    restoreFocus(logoutButton);
  }
});

verifyAuth();
