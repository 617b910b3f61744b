import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { json, renderPage, stubFetch } from '../../../test/render';
import { tenant } from '../testData';
import SettingsPage from './SettingsPage';

describe('institution settings', () => {
  it('requires two-step verification of all staff when the administrator ticks it and saves', async () => {
    const calls = stubFetch({
      'GET /api/tenants/current': () => json(tenant),
      'PUT /api/tenants/current/two-factor': () => json({ ...tenant, requiresTwoFactor: true }),
    });
    const { container } = renderPage(<main><SettingsPage /></main>, { path: '/ajustes' });

    const box = await screen.findByRole('checkbox', { name: 'Exigir la verificación en dos pasos a todo el personal' });
    expect(box).not.toBeChecked();
    expect(screen.getByText('Gobierno Regional de Puno')).toBeInTheDocument();
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Guardar' }));
    expect(await screen.findByRole('status')).toHaveTextContent('la verificación en dos pasos es obligatoria');
    expect(await calls.find((c) => c.method !== 'GET')!.json()).toEqual({ required: true });
    expect(calls.find((c) => c.method !== 'GET')!.headers.get('X-CSRF')).toBe('1');
  });
});
