import type { ReactElement } from 'react';
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { json, renderPage, stubFetch } from '../../test/render';
import ApplicationsPage from './ApplicationsPage';
import HomePage from './HomePage';
import InstitutionPage from './InstitutionPage';
import InstitutionsPage from './InstitutionsPage';
import ProgrammeNewPage from './ProgrammeNewPage';
import ProgrammePage from './ProgrammePage';
import ProgrammesPage from './ProgrammesPage';
import ReviewPage from './ReviewPage';
import ReviewsPage from './ReviewsPage';
import { application, page, programme, review, tenant } from './testing';

beforeEach(() => {
  stubFetch({
    'GET /api/onboarding/applications': () => json(page([application()])),
    [`GET /api/onboarding/applications/${application().id}`]: () => json(application()),
    'GET /api/national/reviews': () => json(page([review({ status: 'Pending' })])),
    [`GET /api/national/reviews/${review().id}`]: () => json(review()),
    'GET /api/tenants': () => json(page([tenant()])),
    [`GET /api/tenants/${tenant().id}`]: () => json(tenant()),
    [`GET /api/tenants/${tenant().id}/history`]: () => json([{ status: 'Active', reason: null, changedBy: null, changedByName: 'Ana Torres', at: '2026-11-21T10:00:00Z' }]),
    'GET /api/programmes': () => json(page([programme()])),
    [`GET /api/programmes/${programme().id}`]: () => json(programme()),
    [`GET /api/programmes/${programme().id}/budgets`]: () => json(page([{ tenantId: tenant().id, committedPen: 80000, disbursedPen: 30000 }])),
  });
});

const cases: [string, ReactElement, string, string][] = [
  ['home', <HomePage />, '/nacional', 'Gobierno Regional de Puno'],
  ['applications', <ApplicationsPage />, '/nacional/solicitudes', 'Gobierno Regional de Puno'],
  ['one application', <ApplicationsPage />, `/nacional/solicitudes?solicitud=${application().id}`, 'Aprobar solicitud'],
  ['institutions', <InstitutionsPage />, '/nacional/instituciones', 'Gobierno Regional de Puno'],
  ['one institution', <Routes><Route path="/nacional/instituciones/:id" element={<InstitutionPage />} /></Routes>, `/nacional/instituciones/${tenant().id}`, 'Ana Torres'],
  ['programmes', <ProgrammesPage />, '/nacional/programas', 'Procompite Andino'],
  ['new programme', <ProgrammeNewPage />, '/nacional/programas/nuevo', 'Quinua'],
  ['one programme', <Routes><Route path="/nacional/programas/:id" element={<ProgrammePage />} /></Routes>, `/nacional/programas/${programme().id}`, 'S/ 80,000.00'],
  ['review desk', <ReviewsPage />, '/nacional/revisiones', 'Quinua · Puno'],
  ['one review', <Routes><Route path="/nacional/revisiones/:id" element={<ReviewPage />} /></Routes>, `/nacional/revisiones/${review().id}`, 'Registrar desembolso'],
];

describe('accessibility of the national pages (axe-core, without contrast, which jsdom cannot compute)', () => {
  it.each(cases)('%s has no serious or critical violations', async (_, element, path, ready) => {
    const { container } = renderPage(<main>{element}</main>, { path });
    await screen.findAllByText(ready);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    const serious = result.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`)).toEqual([]);
  });
});
