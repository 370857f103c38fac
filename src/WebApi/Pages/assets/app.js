// DoubleDibz front end: log in / sign up, and the account view, speaking the /api/auth and /api/account contract.

const GENERIC_ERROR = 'Something went wrong, please try again';
const OFFLINE_MESSAGE = 'Cannot reach the server. Check your connection and try again.';
const SESSION_ENDED = 'Your session has ended. Please log in again.';
const SIGNUP_FIELDS = ['user_name', 'first_name', 'last_name', 'email', 'password', 'confirm'];
const PASSWORD_FIELDS = ['current_password', 'password', 'confirm'];

// Read once: the token is bound to this browser and stays valid through signup, login and logout.
const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content ?? '';

const byId = (id) => document.getElementById(id);
const views = {
  loading: byId('loading-view'),
  loggedOut: byId('auth-view'),
  loggedIn: byId('welcome-view'),
  account: byId('account-view'),
};
const banner = byId('banner');
const authNotice = byId('auth-notice');
const loginForm = byId('login-form');
const signupForm = byId('signup-form');
const welcomeHeading = byId('welcome-heading');
const accountButton = byId('account-button');
const logoutButton = byId('logout-button');
const logoutError = byId('logout-error');

const accountHeading = byId('account-heading');
const passwordForm = byId('password-form');
const profileForm = byId('profile-form');
const sessionsHeading = byId('sessions-heading');
const sessionsList = byId('sessions-list');
const sessionsStatus = byId('sessions-status');
const sessionsError = byId('sessions-error');
const sessionsLoading = byId('sessions-loading');
const sessionsOthersButton = byId('sessions-others');
const deleteStartButton = byId('delete-start');
const deleteForm = byId('delete-form');
const accountForms = [passwordForm, profileForm, deleteForm];

// The signed-in user as the server last described it (verify_auth, login, signup, profile and password changes).
let currentUser = null;

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

// In the page (a session row's button is gone once the list is reloaded) and not inside a hidden view.
function isShown(el) {
  return el.isConnected && el.closest('[hidden]') === null;
}

function showView(name) {
  for (const [key, el] of Object.entries(views)) el.hidden = key !== name;
  logoutError.textContent = '';
  if (name !== 'loggedOut') authNotice.textContent = '';
  if (name !== 'account') resetAccountView();
  if (name === 'loggedIn') welcomeHeading.focus();
  else if (name === 'loggedOut') byId('login-login').focus();
  else if (name === 'account') accountHeading.focus();
  updateConfirmBanner(); // issue 12
}

function showUser(user) {
  endSecondStep();
  for (const form of [loginForm, signupForm]) {
    form.reset();
    clearErrors(form);
  }
  setUser(user);
  showView('loggedIn');
}

function setUser(user) {
  currentUser = user;
  welcomeHeading.textContent = `Welcome, ${user.user_name ?? ''}!`;
  const fullName = [user.first_name, user.last_name].filter(Boolean).join(' ');
  byId('account-name').textContent = fullName || (user.user_name ?? '');
  byId('account-user_name').textContent = fullName && user.user_name ? `(${user.user_name})` : '';
}

// The login forms, with a message above them when there is something to say (the session ended, the account is gone).
function showLoggedOut(notice = '') {
  currentUser = null;
  endSecondStep();
  showView('loggedOut');
  authNotice.textContent = notice;
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
  const status = byId(form.id.replace(/-form$/, '-status'));
  if (status) status.textContent = '';
}

// The server's own words for a success, as the contract allows clients to show them.
function successMessage(res, fallback) {
  const message = res.body?.message;
  return typeof message === 'string' && message.trim() ? message : fallback;
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

// The answer may arrive after the user has moved on to another form (the account view has several):
// leave their caret where it is rather than pull them back.
function focusWithinForm(form, el) {
  const active = document.activeElement;
  if (active && active !== document.body && !form.contains(active)) return;
  el?.focus();
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
    focusWithinForm(form, form.querySelector('[aria-invalid="true"]'));
    return;
  }

  if (res.status === 409 && typeof message === 'string') {
    const field = /username/i.test(message) ? 'user_name' : /email/i.test(message) ? 'email' : null;
    if (field && setFieldError(form, field, message)) {
      focusWithinForm(form, form.elements.namedItem(field));
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
    if (!views.loading.hidden) showLoggedOut();
    return;
  }

  const user = res.status === 200 ? res.body?.data : null;
  if (user) {
    showUser(user);
    return;
  }
  if (views.loggedOut.hidden) showLoggedOut();
  if (res.status !== 401) formErrorElement(form).textContent = errorMessage(res);
}

function succeeded(res) {
  return res.status >= 200 && res.status < 300 && res.body?.success === true;
}

// Sends a form's request with its button busy; errors go under the fields, success to `onSuccess(res)`.
// For the account view's forms (`signedIn`), a 401 means the session has ended: the login forms are shown.
// `refused(res)` may take an error answer first (true when it did), e.g. login's "Two-factor required".
async function submitForm(form, method, path, payload, onSuccess, { signedIn = false, refused = null } = {}) {
  if (form.getAttribute('aria-busy') === 'true') return;
  const button = form.querySelector('button[type="submit"]');
  clearErrors(form);
  form.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    const res = await api(method, path, payload);
    if (succeeded(res)) await onSuccess(res);
    else if (refused?.(res)) return;
    else if (signedIn && res.status === 401) showLoggedOut(SESSION_ENDED);
    else showErrors(form, res);
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
  } finally {
    form.removeAttribute('aria-busy');
    button.disabled = false;
    restoreFocus(button);
  }
}

async function signedInAs(res, form) {
  // Without data the server says we were already signed in; ask who as.
  if (res.body.data) showUser(res.body.data);
  else await verifyAuth(form);
}

loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  authNotice.textContent = ''; // "Your account has been deleted" and the like have been read by now
  const field = (name) => loginForm.elements.namedItem(name);
  submitForm(loginForm, 'POST', '/api/auth/login', {
    login: field('login').value,
    password: field('password').value,
    remember_me: field('remember_me').checked,
  }, (res) => signedInAs(res, loginForm), { refused: startSecondStepIfRequired });
});

signupForm.addEventListener('submit', (event) => {
  event.preventDefault();
  authNotice.textContent = '';
  const payload = Object.fromEntries(SIGNUP_FIELDS.map((name) => [name, signupForm.elements.namedItem(name).value]));
  submitForm(signupForm, 'POST', '/api/auth/signup', payload, (res) => signedInAs(res, signupForm));
});

for (const form of [loginForm, signupForm, ...accountForms]) {
  form.addEventListener('input', (event) => clearFieldError(event.target));
}

logoutButton.addEventListener('click', async () => {
  if (logoutButton.disabled) return;
  logoutError.textContent = '';
  logoutButton.disabled = true;
  try {
    const res = await api('POST', '/api/auth/logout');
    // 401: the session had already ended, so the user is logged out either way.
    if (res.status === 200 || res.status === 401) showLoggedOut();
    else logoutError.textContent = errorMessage(res);
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
  } finally {
    logoutButton.disabled = false;
    restoreFocus(logoutButton);
  }
});

// ---- the account view ----

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function resetAccountView() {
  for (const form of accountForms) {
    form.reset();
    clearErrors(form);
    form.removeAttribute('aria-busy');
  }
  closeDeleteConfirm({ focus: false });
  resetTwoFactor();
  sessionsList.replaceChildren();
  sessionsStatus.textContent = '';
  sessionsError.textContent = '';
  sessionsOthersButton.hidden = true;
}

function showAccount() {
  showView('account');
  const field = (name) => profileForm.elements.namedItem(name);
  field('first_name').value = currentUser?.first_name ?? '';
  field('last_name').value = currentUser?.last_name ?? '';
  renderTwoFactor();
  loadSessions();
}

// An account call answered 401: the session has ended (signed out elsewhere, expired, revoked).
function sessionEnded() {
  showLoggedOut(SESSION_ENDED);
}

accountButton.addEventListener('click', showAccount);
byId('account-back').addEventListener('click', () => showView('loggedIn'));

passwordForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const payload = Object.fromEntries(PASSWORD_FIELDS.map((name) => [name, passwordForm.elements.namedItem(name).value]));
  submitForm(passwordForm, 'POST', '/api/auth/password/change', payload, async (res) => {
    passwordForm.reset();
    if (res.body.data) setUser(res.body.data);
    byId('password-status').textContent = successMessage(res, 'Your password has been changed');
    // Every other session has ended: show what is left.
    await loadSessions();
  }, { signedIn: true });
});

profileForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = (name) => profileForm.elements.namedItem(name);
  const payload = { first_name: field('first_name').value, last_name: field('last_name').value };
  submitForm(profileForm, 'PATCH', '/api/account', payload, (res) => {
    const user = res.body.data;
    if (user) {
      setUser(user);
      field('first_name').value = user.first_name ?? '';
      field('last_name').value = user.last_name ?? '';
    }
    byId('profile-status').textContent = successMessage(res, 'Your profile has been updated');
  }, { signedIn: true });
});

// ---- where you're signed in ----

let sessionsBusy = false;
let sessionsLoad = 0;

async function loadSessions() {
  const ticket = ++sessionsLoad;
  sessionsLoading.hidden = false;
  let res;
  try {
    res = await api('GET', '/api/account/sessions');
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    return;
  } finally {
    if (ticket === sessionsLoad) sessionsLoading.hidden = true;
  }
  // A newer load has started, or the user has left the view.
  if (ticket !== sessionsLoad || views.account.hidden) return;
  if (res.status === 401) sessionEnded();
  else if (!succeeded(res)) sessionsError.textContent = errorMessage(res);
  else renderSessions([].concat(res.body.data?.sessions ?? []));
}

// "HeadlessChrome/126.0 … (X11; Linux x86_64)" → "Chrome on Linux"; null when the string says neither.
function describeAgent(agent) {
  if (!agent) return null;
  const browsers = [[/Edg(e|A|iOS)?\//, 'Edge'], [/OPR\/|Opera/, 'Opera'], [/Firefox\/|FxiOS\//, 'Firefox'],
    [/Chrome\/|CriOS\//, 'Chrome'], [/Safari\//, 'Safari']];
  const systems = [[/Windows/, 'Windows'], [/iPhone|iPad|iPod/, 'iOS'], [/Android/, 'Android'], [/CrOS/, 'ChromeOS'],
    [/Mac OS X|Macintosh/, 'macOS'], [/Linux/, 'Linux']];
  const find = (list) => list.find(([pattern]) => pattern.test(agent))?.[1];
  const browser = find(browsers);
  const system = find(systems);
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? null;
}

function timeElement(iso) {
  const time = document.createElement('time');
  const date = new Date(iso);
  if (typeof iso !== 'string' || Number.isNaN(date.getTime())) {
    time.textContent = typeof iso === 'string' ? iso : 'unknown';
    return time;
  }
  time.dateTime = iso;
  time.textContent = dateFormat.format(date);
  return time;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function renderSessions(sessions) {
  const rows = sessions.map((session) => {
    const agent = typeof session.user_agent === 'string' ? session.user_agent : '';
    const title = describeAgent(agent) ?? (agent || 'Unknown browser');
    const row = element('li', 'session');
    row.dataset.sessionId = String(session.id);
    if (session.current) row.classList.add('session-current');

    const head = element('p', 'session-title');
    head.append(element('strong', '', title));
    if (session.current) head.append(' ', element('span', 'badge', 'This device'));
    row.append(head);
    if (agent && agent !== title) row.append(element('p', 'session-agent', agent));

    const facts = element('dl', 'session-facts');
    const fact = (term, value) => {
      const pair = element('div');
      const dd = element('dd');
      dd.append(value);
      pair.append(element('dt', '', term), dd);
      facts.append(pair);
    };
    fact('IP address', session.ip || 'unknown');
    fact('Signed in', timeElement(session.created_at));
    fact('Last seen', timeElement(session.last_seen_at));
    fact('Expires', timeElement(session.expires_at));
    fact('Remember me', session.remember_me ? 'Yes' : 'No');
    row.append(facts);

    const button = element('button', 'button button-secondary button-inline', 'Sign out');
    button.type = 'button';
    const which = session.current ? 'this device' : `${title}, signed in ${row.querySelector('time')?.textContent ?? ''}`;
    button.append(element('span', 'visually-hidden', ` ${which}`));
    button.addEventListener('click', () => signOutSession(session, button));
    row.append(button);
    return row;
  });

  if (!rows.some((row) => !row.classList.contains('session-current'))) {
    rows.push(element('li', 'session-none', 'You are not signed in anywhere else.'));
  }
  sessionsList.replaceChildren(...rows);
  sessionsOthersButton.hidden = !sessions.some((session) => !session.current);
}

// One sessions action at a time, its button busy; afterwards the list is loaded again and focus goes to its heading
// (the button that was pressed may be gone).
async function sessionsAction(button, method, path, onSuccess) {
  if (sessionsBusy) return;
  sessionsBusy = true;
  sessionsStatus.textContent = '';
  sessionsError.textContent = '';
  const section = byId('sessions');
  section.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    const res = await api(method, path);
    if (res.status === 401) {
      sessionEnded();
      return;
    }
    if (succeeded(res)) {
      if (onSuccess(res) === false) return;
    } else if (res.status === 404) {
      sessionsError.textContent = 'That session had already ended';
    } else {
      sessionsError.textContent = errorMessage(res);
      return;
    }
    await loadSessions();
    if (isShown(sessionsHeading) && !isShown(button)) sessionsHeading.focus();
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
  } finally {
    sessionsBusy = false;
    section.removeAttribute('aria-busy');
    button.disabled = false;
    restoreFocus(button);
  }
}

function signOutSession(session, button) {
  return sessionsAction(button, 'DELETE', `/api/account/sessions/${encodeURIComponent(session.id)}`, (res) => {
    // This device's own session: the same as logging out.
    if (session.current) {
      showLoggedOut();
      return false;
    }
    sessionsStatus.textContent = successMessage(res, 'The session has been signed out');
    return true;
  });
}

sessionsOthersButton.addEventListener('click', () =>
  sessionsAction(sessionsOthersButton, 'DELETE', '/api/account/sessions', (res) => {
    sessionsStatus.textContent = successMessage(res, 'You have been signed out everywhere else');
    return true;
  }));

// ---- delete the account ----

function openDeleteConfirm() {
  deleteForm.hidden = false;
  deleteStartButton.hidden = true;
  deleteStartButton.setAttribute('aria-expanded', 'true');
  deleteForm.elements.namedItem('password').focus();
}

function closeDeleteConfirm({ focus = true } = {}) {
  deleteForm.reset();
  clearErrors(deleteForm);
  deleteForm.hidden = true;
  deleteStartButton.hidden = false;
  deleteStartButton.setAttribute('aria-expanded', 'false');
  if (focus) deleteStartButton.focus();
}

deleteStartButton.addEventListener('click', openDeleteConfirm);
byId('delete-cancel').addEventListener('click', () => closeDeleteConfirm());
deleteForm.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeDeleteConfirm();
});

deleteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const payload = { password: deleteForm.elements.namedItem('password').value };
  submitForm(deleteForm, 'DELETE', '/api/account', payload,
    (res) => showLoggedOut(successMessage(res, 'Your account has been deleted')), { signedIn: true });
});

// ---- two-factor sign-in (issue 14) ----

const TWO_FACTOR_REQUIRED = 'Two-factor required';
const secondStepForm = byId('second-step-form');
const secondStepSwitch = byId('second-step-switch');
const twoFactorSection = byId('two-factor');
const twoFactorState = byId('two-factor-state');
const twoFactorStatus = byId('two-factor-status');
const tfaSetupForm = byId('tfa-setup-form');
const tfaEnableForm = byId('tfa-enable-form');
const tfaDisableForm = byId('tfa-disable-form');
const tfaRegenerateForm = byId('tfa-regenerate-form');
const tfaCodes = byId('tfa-codes');
const tfaCodesList = byId('tfa-codes-list');
const tfaForms = [tfaSetupForm, tfaEnableForm, tfaDisableForm, tfaRegenerateForm];
let secondStepByRecoveryCode = false;
let shownRecoveryCodes = [];

// The login's second step: the password was right, the server wants a code (the pending sign-in is its cookie).
function startSecondStepIfRequired(res) {
  if (res.status !== 401 || res.body?.errors?.type !== TWO_FACTOR_REQUIRED) return false;
  loginForm.elements.namedItem('password').value = '';
  loginForm.hidden = true;
  secondStepForm.hidden = false;
  useRecoveryCode(false);
  byId('second-step-code').focus();
  return true;
}

function endSecondStep() {
  secondStepForm.reset();
  clearErrors(secondStepForm);
  secondStepForm.hidden = true;
  loginForm.hidden = false;
}

function useRecoveryCode(byRecoveryCode) {
  secondStepByRecoveryCode = byRecoveryCode;
  clearErrors(secondStepForm);
  byId('second-step-code-field').hidden = byRecoveryCode;
  byId('second-step-recovery_code-field').hidden = !byRecoveryCode;
  byId('second-step-hint').textContent = byRecoveryCode
    ? 'Enter one of your recovery codes. Each works once.'
    : 'Enter the 6-digit code from your authenticator app.';
  secondStepSwitch.textContent = byRecoveryCode ? 'Use a code from your app' : 'Use a recovery code';
}

secondStepSwitch.addEventListener('click', () => {
  useRecoveryCode(!secondStepByRecoveryCode);
  byId(secondStepByRecoveryCode ? 'second-step-recovery_code' : 'second-step-code').focus();
});

byId('second-step-cancel').addEventListener('click', () => {
  endSecondStep();
  byId('login-password').focus();
});

secondStepForm.addEventListener('input', (event) => clearFieldError(event.target));
secondStepForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = (name) => secondStepForm.elements.namedItem(name).value.trim();
  const payload = secondStepByRecoveryCode ? { recovery_code: field('recovery_code') } : { code: field('code') };
  submitForm(secondStepForm, 'POST', '/api/auth/login/2fa', payload, (res) => signedInAs(res, secondStepForm), {
    refused: (res) => {
      if (res.status !== 401) return false;
      // The pending sign-in is gone (expired, or too many wrong codes): start again with the password.
      endSecondStep();
      authNotice.textContent = 'Your sign-in has expired. Please log in again.';
      byId('login-password').focus();
      return true;
    },
  });
});

// The account view's section.

function resetTwoFactor() {
  for (const form of tfaForms) {
    form.reset();
    clearErrors(form);
    form.removeAttribute('aria-busy');
  }
  tfaEnableForm.hidden = true;
  tfaCodes.hidden = true;
  tfaCodesList.replaceChildren();
  shownRecoveryCodes = [];
  byId('tfa-qr').removeAttribute('src');
  byId('tfa-secret').textContent = '';
  twoFactorStatus.textContent = '';
}

function renderTwoFactor() {
  const on = currentUser?.two_factor_enabled === true;
  twoFactorState.textContent = on
    ? 'Two-factor sign-in is on: signing in asks for a code from your authenticator app.'
    : 'Two-factor sign-in is off. Turn it on to ask for a code from an authenticator app at every sign-in.';
  tfaSetupForm.hidden = on || !tfaEnableForm.hidden;
  tfaDisableForm.hidden = !on;
  tfaRegenerateForm.hidden = !on;
}

function setTwoFactorEnabled(on) {
  if (currentUser) currentUser.two_factor_enabled = on;
  renderTwoFactor();
}

function showRecoveryCodes(codes) {
  shownRecoveryCodes = [].concat(codes ?? []).map(String);
  tfaCodesList.replaceChildren(...shownRecoveryCodes.map((code) => element('li', '', code)));
  tfaCodes.hidden = false;
  byId('tfa-codes-heading').focus();
}

function utf8Base64(text) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

tfaSetupForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const payload = { password: tfaSetupForm.elements.namedItem('password').value };
  submitForm(tfaSetupForm, 'POST', '/api/account/2fa/setup', payload, (res) => {
    const data = res.body.data ?? {};
    tfaSetupForm.reset();
    // Drawn by the server as SVG; shown as a data: image, which the page's CSP (img-src 'self' data:) allows.
    byId('tfa-qr').src = `data:image/svg+xml;base64,${utf8Base64(String(data.qr_svg ?? ''))}`;
    byId('tfa-secret').textContent = String(data.secret ?? '');
    tfaCodes.hidden = true;
    tfaEnableForm.hidden = false;
    tfaSetupForm.hidden = true;
    byId('tfa-enable-heading').focus();
  }, { signedIn: true });
});

tfaEnableForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const payload = { code: tfaEnableForm.elements.namedItem('code').value.trim() };
  submitForm(tfaEnableForm, 'POST', '/api/account/2fa/enable', payload, (res) => {
    tfaEnableForm.reset();
    tfaEnableForm.hidden = true;
    byId('tfa-qr').removeAttribute('src');
    byId('tfa-secret').textContent = '';
    setTwoFactorEnabled(true);
    twoFactorStatus.textContent = successMessage(res, 'Two-factor sign-in is on');
    showRecoveryCodes(res.body.data?.recovery_codes);
  }, { signedIn: true });
});

tfaDisableForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = (name) => tfaDisableForm.elements.namedItem(name).value;
  submitForm(tfaDisableForm, 'POST', '/api/account/2fa/disable', { password: field('password'), code: field('code').trim() }, (res) => {
    resetTwoFactor();
    setTwoFactorEnabled(false);
    twoFactorStatus.textContent = successMessage(res, 'Two-factor sign-in is off');
    byId('two-factor-heading').focus();
  }, { signedIn: true });
});

tfaRegenerateForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const payload = { password: tfaRegenerateForm.elements.namedItem('password').value };
  submitForm(tfaRegenerateForm, 'POST', '/api/account/2fa/recovery_codes', payload, (res) => {
    tfaRegenerateForm.reset();
    twoFactorStatus.textContent = successMessage(res, 'Here are your new recovery codes');
    showRecoveryCodes(res.body.data?.recovery_codes);
  }, { signedIn: true });
});

for (const form of tfaForms) form.addEventListener('input', (event) => clearFieldError(event.target));

byId('tfa-codes-copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(shownRecoveryCodes.join('\n'));
    twoFactorStatus.textContent = 'The recovery codes have been copied';
  } catch {
    twoFactorStatus.textContent = 'Copying is not allowed here: select the codes and copy them, or download them';
  }
});

// A text file through a Blob URL: a download, not a navigation, so the strict CSP does not get in the way.
byId('tfa-codes-download').addEventListener('click', () => {
  const text = `DoubleDibz recovery codes for ${currentUser?.user_name ?? 'your account'}\nEach code works once.\n\n${shownRecoveryCodes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const link = element('a');
  link.href = url;
  link.download = 'doubledibz-recovery-codes.txt';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  twoFactorStatus.textContent = 'The recovery codes have been downloaded';
});

twoFactorSection.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !tfaEnableForm.hidden) {
    resetTwoFactor();
    renderTwoFactor();
    byId('two-factor-heading').focus();
  }
});

// ---- /two-factor sign-in ----

// ---- issue 12: e-mail (forgot / reset / confirm views, the unconfirmed-address banner, change of address) ----

views.forgot = byId('forgot-view');
views.reset = byId('reset-view');
views.confirm = byId('confirm-view');
const forgotForm = byId('forgot-form');
const resetForm = byId('reset-form');
const emailForm = byId('email-form');
const confirmBanner = byId('confirm-banner');
const confirmResend = byId('confirm-resend');
accountForms.push(emailForm); // cleared with the account view's other forms
let resetToken = '';

// Shown on the welcome and account views while the signed-in user's address is unconfirmed.
function updateConfirmBanner() {
  const show = currentUser !== null && currentUser.email_confirmed === false && (!views.loggedIn.hidden || !views.account.hidden);
  confirmBanner.hidden = !show;
  if (show) byId('confirm-banner-address').textContent = currentUser.email ?? '';
  byId('email-current').textContent = currentUser?.email ?? '';
}

// The link's token is read once and taken out of the address bar (and so out of history and later Referer headers).
function takeToken() {
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  window.history.replaceState(null, '', window.location.pathname);
  return token;
}

function leaveLinkPage() {
  window.history.replaceState(null, '', '/');
}

function showMailView(name, heading) {
  showView(name);
  byId(heading).focus();
}

byId('forgot-start').addEventListener('click', () => {
  forgotForm.reset();
  clearErrors(forgotForm);
  forgotForm.elements.namedItem('login').value = loginForm.elements.namedItem('login').value;
  showMailView('forgot', 'forgot-heading');
});
byId('forgot-back').addEventListener('click', () => showLoggedOut());
byId('reset-back').addEventListener('click', () => { leaveLinkPage(); showLoggedOut(); });

forgotForm.addEventListener('input', (event) => clearFieldError(event.target));
forgotForm.addEventListener('submit', (event) => {
  event.preventDefault();
  submitForm(forgotForm, 'POST', '/api/auth/password/forgot', { login: forgotForm.elements.namedItem('login').value },
    (res) => { byId('forgot-status').textContent = successMessage(res, "If an account matches, we've sent it an e-mail"); });
});

resetForm.addEventListener('input', (event) => clearFieldError(event.target));
resetForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = (name) => resetForm.elements.namedItem(name).value;
  submitForm(resetForm, 'POST', '/api/auth/password/reset', { token: resetToken, password: field('password'), confirm: field('confirm') },
    (res) => {
      resetToken = '';
      resetForm.reset();
      leaveLinkPage();
      showLoggedOut(successMessage(res, 'Your password has been reset. Please log in.'));
    });
});

async function confirmFromLink(token) {
  showMailView('confirm', 'confirm-heading');
  const status = byId('confirm-status');
  const error = byId('confirm-error');
  status.textContent = 'Confirming…';
  try {
    const res = await api('POST', '/api/auth/email/confirm', { token });
    status.textContent = '';
    if (succeeded(res)) status.textContent = successMessage(res, 'Your e-mail address is confirmed');
    else {
      const fields = res.body?.errors?.message;
      error.textContent = fields && typeof fields === 'object' ? Object.values(fields).flat().join('\n') : errorMessage(res);
    }
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    status.textContent = '';
  }
}

byId('confirm-continue').addEventListener('click', () => {
  leaveLinkPage();
  byId('confirm-error').textContent = '';
  verifyAuth();
});

confirmResend.addEventListener('click', async () => {
  if (confirmResend.disabled) return;
  byId('confirm-resend-status').textContent = '';
  byId('confirm-resend-error').textContent = '';
  confirmResend.disabled = true;
  try {
    const res = await api('POST', '/api/auth/email/resend');
    if (succeeded(res)) byId('confirm-resend-status').textContent = successMessage(res, "We've sent you a new confirmation e-mail");
    else if (res.status === 401) showLoggedOut(SESSION_ENDED);
    else byId('confirm-resend-error').textContent = errorMessage(res);
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
  } finally {
    confirmResend.disabled = false;
    restoreFocus(confirmResend);
  }
});

emailForm.addEventListener('input', (event) => clearFieldError(event.target));
emailForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const field = (name) => emailForm.elements.namedItem(name).value;
  submitForm(emailForm, 'POST', '/api/account/email', { email: field('email'), password: field('password') },
    (res) => {
      emailForm.reset();
      byId('email-status').textContent = successMessage(res, "We've sent a confirmation link to the new address");
    }, { signedIn: true });
});

// The pages the e-mailed links open; anything else starts with "who am I".
function start() {
  if (window.location.pathname === '/reset-password') {
    resetToken = takeToken();
    resetForm.reset();
    clearErrors(resetForm);
    showMailView('reset', 'reset-heading');
  } else if (window.location.pathname === '/confirm-email') {
    confirmFromLink(takeToken());
  } else {
    verifyAuth();
  }
}

// ---- end issue 12 ----

start();
