import type { ReactElement } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import ResetPasswordPage from './ResetPasswordPage';
import AcceptInvitationPage from './AcceptInvitationPage';

function renderAt(path: string, element: ReactElement) {
  return renderPage(
    <Routes>
      <Route path="*" element={element} />
    </Routes>,
    { path },
  );
}

describe('forgotten password', () => {
  it('checks the e-mail before asking the server, then says the same whatever the account', async () => {
    const calls = stubFetch({ 'POST /api/account/password-reset': () => new Response(null, { status: 202 }) });
    renderAt('/restablecer', <ResetPasswordPage />);

    await userEvent.type(screen.getByLabelText(/Correo electrónico/), 'rosa@');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar enlace' }));
    expect(await screen.findByText(/Escriba un correo electrónico válido/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/Correo electrónico/), 'agrorural.pe');
    await userEvent.click(screen.getByRole('button', { name: 'Enviar enlace' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Si hay una cuenta activa con ese correo');
    expect(await calls[0]!.json()).toEqual({ email: 'rosa@agrorural.pe' });
    expect(calls[0]!.headers.get('X-CSRF')).toBe('1');
  });

  it('with the link from the e-mail, sends the new password with the link’s user and token', async () => {
    const calls = stubFetch({ 'POST /api/account/password-reset/confirm': () => new Response(null, { status: 204 }) });
    renderAt('/restablecer?u=0191f0aa-0000-7000-8000-000000000001&t=abc%2B1', <ResetPasswordPage />);

    await userEvent.type(screen.getByLabelText(/^Nueva contraseña/), 'Nueva-clave-2026');
    await userEvent.type(screen.getByLabelText(/^Confirmar contraseña/), 'Nueva-clave-2026');
    await userEvent.click(screen.getByRole('button', { name: 'Guardar contraseña' }));

    expect(await screen.findByText(/Su contraseña fue cambiada/)).toBeInTheDocument();
    expect(await calls[0]!.json()).toEqual({ userId: '0191f0aa-0000-7000-8000-000000000001', token: 'abc+1', password: 'Nueva-clave-2026' });
  });
});

describe('accepting an invitation', () => {
  it('refuses two different passwords without asking the server', async () => {
    const calls = stubFetch({});
    renderAt('/invitacion?u=0191f0aa-0000-7000-8000-000000000001&t=tok', <AcceptInvitationPage />);

    await userEvent.type(screen.getByLabelText(/^Nueva contraseña/), 'Nueva-clave-2026');
    await userEvent.type(screen.getByLabelText(/^Confirmar contraseña/), 'Otra-clave-2026');
    await userEvent.click(screen.getByRole('button', { name: /Guardar contraseña/ }));

    expect(await screen.findByText('Las contraseñas no coinciden.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s reason in Spanish when the link has expired', async () => {
    stubFetch({
      'POST /api/account/invitation/accept': () =>
        json({ status: 400, title: 'Bad Request', errors: { token: ['The invitation link is invalid or has expired. / El enlace de invitación no es válido o ha vencido.'] } }, 400),
    });
    renderAt('/invitacion?u=0191f0aa-0000-7000-8000-000000000001&t=tok', <AcceptInvitationPage />);

    await userEvent.type(screen.getByLabelText(/^Nueva contraseña/), 'Nueva-clave-2026');
    await userEvent.type(screen.getByLabelText(/^Confirmar contraseña/), 'Nueva-clave-2026');
    await userEvent.click(screen.getByRole('button', { name: /Guardar contraseña/ }));

    expect(await screen.findByRole('alert')).toHaveTextContent('El enlace de invitación no es válido o ha vencido.');
  });

  it('explains a link without its token', () => {
    renderAt('/invitacion?u=0191f0aa-0000-7000-8000-000000000001', <AcceptInvitationPage />);
    expect(screen.getByRole('alert')).toHaveTextContent('El enlace de la invitación está incompleto');
  });
});
