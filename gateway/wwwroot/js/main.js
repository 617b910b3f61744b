// The portal's page: sign-in form or the signed-in user's dashboard, chosen from the session.
import { ApiError } from './api.js';
import { nationalDashboard, tenantDashboard } from './dashboard.js';
import { element } from './format.js';
import { current, signIn, SignInError, signOut } from './session.js';

const $ = id => document.getElementById(id);

function showSignIn(message = null) {
  $('account').hidden = true;
  $('dashboard').hidden = true;
  $('dashboard-content').replaceChildren();
  $('sign-in').hidden = false;
  showError(message);
  $('email').focus();
}

function showError(message) {
  $('sign-in-error').textContent = message ?? '';
  $('sign-in-error').hidden = !message;
}

async function showDashboard(session) {
  $('sign-in').hidden = true;
  $('account').hidden = false;
  $('account-name').textContent = session.tenantName ? `${session.name} · ${session.tenantName}` : session.name;
  $('dashboard').hidden = false;
  $('dashboard').setAttribute('aria-busy', 'true');
  $('dashboard-title').replaceChildren(session.isNational ? 'Cifras nacionales' : 'Panel');
  $('dashboard-status').textContent = 'Cargando cifras… / Loading figures…';
  try {
    // The token's role claim decides the view: the national unit has no tenant dashboard, tenants no national one.
    const { title, content } = session.isNational ? await nationalDashboard() : await tenantDashboard();
    $('dashboard-title').replaceChildren(title.es, ' ', element('span', { lang: 'en', className: 'en' }, title.en));
    $('dashboard-content').replaceChildren(...content);
    $('dashboard-status').textContent = '';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut();
      showSignIn('La sesión expiró; vuelva a iniciar sesión. / The session expired; please sign in again.');
      return;
    }
    $('dashboard-status').textContent = error instanceof ApiError && error.status === 403
      ? 'Su cuenta no tiene acceso a estas cifras. / Your account cannot see these figures.'
      : `No se pudieron cargar las cifras: ${error.message} / Could not load the figures.`;
  } finally {
    $('dashboard').removeAttribute('aria-busy');
  }
}

async function onSubmit(event) {
  event.preventDefault();
  const email = $('email').value.trim();
  const password = $('password').value;
  if (!email || !password) {
    showError('Ingrese su correo y contraseña. / Enter your email and password.');
    return;
  }
  $('sign-in-submit').disabled = true;
  showError(null);
  try {
    const session = await signIn(email, password);
    $('password').value = '';
    await showDashboard(session);
  } catch (error) {
    $('password').value = '';
    showError(error instanceof SignInError ? error.message
      : 'No se pudo conectar con el servidor. / Could not reach the server.');
    $('password').focus();
  } finally {
    $('sign-in-submit').disabled = false;
  }
}

function onSignOut() {
  signOut();
  showSignIn();
}

$('sign-in-form').addEventListener('submit', onSubmit);
$('sign-out').addEventListener('click', onSignOut);

const session = current();
if (session) showDashboard(session);
else showSignIn();
