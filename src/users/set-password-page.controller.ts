import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../access/allow.decorator';

/**
 * The page an invitation link (/set-password#token=...) or a reset's link (/set-password#reset=...,
 * e-mailed when a leader reset the second factor) opens: the person chooses a password and goes
 * on to sign in (and enrol a second factor). A plain form and a script file, so it works under the strict Content-Security-
 * Policy (no inline script) and without a separate client app; a client that has its own page
 * can point PUBLIC_URL at it instead. The token travels in the fragment, which browsers never
 * send to a server, and the script removes it from the address bar at once.
 */
@ApiExcludeController()
@Controller()
export class SetPasswordPageController {
  @Get('set-password')
  @Public()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    return PAGE;
  }

  @Get('set-password.js')
  @Public()
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  script(): string {
    return SCRIPT;
  }
}

const PAGE = `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Vælg adgangskode – Helhedsplan</title>
<script src="/set-password.js" defer></script>
</head>
<body>
<main>
<h1>Vælg din adgangskode</h1>
<p>Mindst 12 tegn. Nogle få ord, der ikke hænger sammen, er en god adgangskode; undgå dit navn og almindelige adgangskoder.</p>
<form id="form">
<p><label>Adgangskode<br><input id="password" type="password" autocomplete="new-password" minlength="12" maxlength="200" required></label></p>
<p><label>Gentag adgangskoden<br><input id="repeat" type="password" autocomplete="new-password" minlength="12" maxlength="200" required></label></p>
<p><button type="submit">Gem adgangskode</button></p>
</form>
<p id="message" role="status"></p>
</main>
</body>
</html>
`;

const SCRIPT = `'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const reset = fragment.get('reset');
  const token = reset || fragment.get('token');
  history.replaceState(null, '', location.pathname);
  const form = document.getElementById('form');
  const message = document.getElementById('message');
  if (!token) {
    form.hidden = true;
    message.textContent = 'Linket mangler sin kode. Åbn linket fra e-mailen igen.';
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const password = document.getElementById('password').value;
    if (password !== document.getElementById('repeat').value) {
      message.textContent = 'De to adgangskoder er ikke ens.';
      return;
    }
    const res = await fetch(reset ? '/api/v1/auth/password-resets/complete' : '/api/v1/auth/invitations/accept', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password }),
    });
    if (res.ok) {
      form.hidden = true;
      const answer = await res.json().catch(() => ({}));
      message.textContent = answer.status === 'approval_pending'
        ? 'Din adgangskode er gemt. Din adgang skal godkendes af en anden leder eller administratoren, før du kan logge ind; du får en e-mail, når den er godkendt.'
        : answer.status === 'mfa_enrolment_required'
          ? 'Din adgangskode er gemt. Log ind med den; du bliver bedt om at oprette din anden faktor.'
          : 'Din adgangskode er gemt. Du kan nu logge ind.';
      return;
    }
    const problem = await res.json().catch(() => ({}));
    const reasons = (problem.errors || []).map((e) => e.message).join(' ');
    const invalid = reset
      ? 'Linket er brugt, erstattet af et nyere eller udløbet. Bed din leder om at nulstille din anden faktor igen.'
      : 'Linket er brugt, trukket tilbage eller udløbet. Bed om en ny invitation.';
    message.textContent = res.status === 401 ? invalid : 'Adgangskoden kan ikke bruges: ' + (reasons || problem.detail || res.status);
  });
});
`;
