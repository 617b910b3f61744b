import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { json, renderPage, stubFetch } from '../../test/render';
import { TwoFactorSection } from './TwoFactorSection';

const off = { enabled: false, required: false, mayEnrol: true, recoveryCodesLeft: 0 };
const on = { enabled: true, required: false, mayEnrol: true, recoveryCodesLeft: 7 };
const setup = { sharedKey: 'abcd efgh ijkl mnop', authenticatorUri: 'otpauth://totp/RedesPlataforma:ana@x.pe?secret=ABCDEFGHIJKLMNOP', qrCode: 'data:image/svg+xml;base64,PHN2Zy8+' };
const codes = ['BCDFG-HJKMN', 'PQRTV-WXY23', '45678-9BCDF'];

async function seriousProblems(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('two-step verification on my profile', () => {
  it('enrols: the key as a QR code and as text, a 6-digit code checked before asking the server, then the recovery codes once', async () => {
    let status = off;
    const calls = stubFetch({
      'GET /api/account/two-factor': () => json(status),
      'POST /api/account/two-factor/authenticator': () => json(setup),
      'POST /api/account/two-factor/enable': () => {
        status = { ...on, recoveryCodesLeft: 3 };
        return json({ codes });
      },
    });
    const { container } = renderPage(<main><TwoFactorSection /></main>);

    await userEvent.click(await screen.findByRole('button', { name: 'Activar la verificación en dos pasos' }));
    expect(await screen.findByRole('img', { name: 'Código QR para la aplicación de autenticación' })).toHaveAttribute('src', setup.qrCode);
    expect(screen.getByText('abcd efgh ijkl mnop')).toBeInTheDocument();
    expect(await seriousProblems(container)).toEqual([]);

    await userEvent.type(screen.getByLabelText(/Código de 6 dígitos/), '12345');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmar y activar' }));
    expect(await screen.findByText('Escriba los 6 dígitos que muestra la aplicación.')).toBeInTheDocument();
    expect(calls.filter((c) => c.url.endsWith('/enable'))).toHaveLength(0);

    await userEvent.type(screen.getByLabelText(/Código de 6 dígitos/), '6');
    await userEvent.click(screen.getByRole('button', { name: 'Confirmar y activar' }));
    const list = await screen.findByRole('list', { name: 'Códigos de recuperación' });
    expect(list).toHaveTextContent('BCDFG-HJKMN');
    expect(await calls.find((c) => c.url.endsWith('/enable'))!.json()).toEqual({ code: '123456' });
    expect(screen.getByRole('link', { name: 'Descargar los códigos' }).getAttribute('href')).toContain(encodeURIComponent('PQRTV-WXY23'));
    expect(await seriousProblems(container)).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Ya los guardé' }));
    expect(await screen.findByText(/Le quedan 3 códigos de recuperación/)).toBeInTheDocument();
    expect(screen.queryByText('BCDFG-HJKMN')).not.toBeInTheDocument();
  });

  it('sends the password to regenerate the codes, a 6-digit code as a code, and offers no way off when the institution requires it', async () => {
    const calls = stubFetch({
      'GET /api/account/two-factor': () => json({ ...on, required: true }),
      'POST /api/account/two-factor/recovery-codes': () => json({ codes }),
    });
    renderPage(<TwoFactorSection />);

    expect(await screen.findByText('Su institución la exige: no se puede desactivar.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Desactivar la verificación en dos pasos' })).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/Contraseña actual o código/), 'Clave-Segura-2026!');
    await userEvent.click(screen.getByRole('button', { name: 'Generar nuevos códigos de recuperación' }));
    expect(await screen.findByRole('list', { name: 'Códigos de recuperación' })).toBeInTheDocument();
    expect(await calls.find((c) => c.method !== 'GET')!.json()).toEqual({ password: 'Clave-Segura-2026!', code: null });
  });

  it('turns it off with a current code', async () => {
    let status = on;
    const calls = stubFetch({
      'GET /api/account/two-factor': () => json(status),
      'POST /api/account/two-factor/disable': () => {
        status = off;
        return json({ codes: [] });
      },
    });
    renderPage(<TwoFactorSection />);

    await userEvent.type(await screen.findByLabelText(/Contraseña actual o código/), '654321');
    await userEvent.click(screen.getByRole('button', { name: 'Desactivar la verificación en dos pasos' }));
    expect(await screen.findByRole('button', { name: 'Activar la verificación en dos pasos' })).toBeInTheDocument();
    expect(await calls.find((c) => c.method !== 'GET')!.json()).toEqual({ code: '654321', password: null });
  });

  it('says to whom it is offered when it is not offered to me', async () => {
    stubFetch({ 'GET /api/account/two-factor': () => json({ ...off, mayEnrol: false }) });
    renderPage(<TwoFactorSection />);

    expect(await screen.findByText(/se ofrece a la unidad nacional y a los administradores/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
