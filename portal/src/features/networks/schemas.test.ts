import { advancePhaseSchema, formNetworkSchema, monitoringSchema, nextPhase, updateNetworkSchema, type FormNetworkValues, type MonitoringValues } from './schemas';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));

describe('forming a network', () => {
  const schema = formNetworkSchema('2026-12-05');
  const valid: FormNetworkValues = {
    name: 'Red Cuyes de Chota', valueChainCode: 'cuy', regionCode: 'PE-CAJ', specialistId: 's1',
    members: [{ id: 'p1', name: 'Rosa Quispe' }, { id: 'p2', name: 'Juan Mamani' }, { id: 'p1', name: 'Rosa Quispe' }],
    leaderProducerId: 'p1', formedOn: '2026-12-05', legalForm: 'Informal', ruc: '',
  };

  it('sends the member ids once each, the leader and a null RUC', () => {
    const result = schema.parse(valid);
    expect(result).toMatchObject({ memberIds: ['p1', 'p2'], leaderProducerId: 'p1', ruc: null, regionCode: 'PE-CAJ' });
    expect(result).not.toHaveProperty('members');
  });
  it('wants the leader among the chosen members', () =>
    expect(messages(schema.safeParse({ ...valid, leaderProducerId: 'p9' }))).toEqual({ leaderProducerId: 'networks:validation.leaderNotMember' }));
  it('wants at least one member and a leader', () =>
    expect(messages(schema.safeParse({ ...valid, members: [], leaderProducerId: '' }))).toMatchObject({
      members: 'networks:validation.membersRequired',
      leaderProducerId: 'networks:validation.leaderRequired',
    }));
  it('refuses a future formation date, an unknown region, a short name and a bad RUC', () =>
    expect(messages(schema.safeParse({ ...valid, formedOn: '2026-12-06', regionCode: 'PE-XXX', name: ' ab ', ruc: '20123456789' }))).toEqual({
      formedOn: 'networks:validation.notFuture',
      regionCode: 'validation.required',
      name: 'validation.nameLength',
      ruc: 'networks:validation.ruc.checkDigit',
    }));
});

describe('editing a network', () => {
  it('a consolidated network keeps its RUC', () => {
    expect(messages(updateNetworkSchema(true).safeParse({ name: 'Red', legalForm: 'Cooperative', ruc: '' }))).toEqual({
      ruc: 'networks:validation.consolidatedKeepsRuc',
    });
    expect(updateNetworkSchema(true).safeParse({ name: 'Red', legalForm: 'Cooperative', ruc: '20100047218' }).success).toBe(true);
    expect(updateNetworkSchema(false).parse({ name: 'Red Andina', legalForm: 'Association', ruc: '' })).toEqual({ name: 'Red Andina', legalForm: 'Association', ruc: null });
  });
});

describe('advancing a phase', () => {
  const schema = advancePhaseSchema({ today: '2026-12-05', notBefore: '2026-10-01' });
  it('follows the methodology one step at a time, none after consolidation', () => {
    expect(nextPhase('Preparation')).toBe('PromotionAndSelection');
    expect(nextPhase('StrategicBusinessPlan')).toBe('Consolidation');
    expect(nextPhase('Consolidation')).toBeUndefined();
  });
  it('refuses a future date, one before the previous change, a short note and a non-http link', () => {
    expect(messages(schema.safeParse({ on: '2026-12-06', evidence: 'ok', documentUrl: 'javascript:alert(1)' }))).toEqual({
      on: 'networks:validation.notFuture',
      evidence: 'networks:validation.noteLength',
      documentUrl: 'networks:validation.url',
    });
    expect(messages(schema.safeParse({ on: '2026-09-30', evidence: 'Acta firmada', documentUrl: '' }))).toEqual({ on: 'networks:validation.beforePrevious' });
  });
  it('accepts today with a note and no link', () =>
    expect(schema.parse({ on: '2026-12-05', evidence: ' Acta de constitución ', documentUrl: '' })).toEqual({ on: '2026-12-05', evidence: 'Acta de constitución', documentUrl: null }));
});

describe('monitoring a month', () => {
  const schema = monitoringSchema('2026-12-05');
  const valid: MonitoringValues = {
    period: '2026-11', salesPen: '12500.50', volume: '800', volumeUnit: 'kg', productivity: '2.5', productivityUnit: 'kg/cuy',
    postHarvestPractices: 'Selección\n\n Empaque \nSelección', marketChannels: 'Feria de Chota', averageMemberNetIncomePen: '0',
  };

  it('sends the first of the month, figures as numbers and the labels without blanks or repeats', () =>
    expect(schema.parse(valid)).toEqual({
      period: '2026-11-01', salesPen: 12500.5, volume: 800, volumeUnit: 'kg', productivity: 2.5, productivityUnit: 'kg/cuy',
      postHarvestPractices: ['Selección', 'Empaque'], marketChannels: ['Feria de Chota'], averageMemberNetIncomePen: 0,
    }));
  it('accepts this month and refuses a future one', () => {
    expect(schema.safeParse({ ...valid, period: '2026-12' }).success).toBe(true);
    expect(messages(schema.safeParse({ ...valid, period: '2027-01' }))).toEqual({ period: 'networks:validation.futurePeriod' });
  });
  it('refuses negative amounts, three decimals, commas and 10¹²', () =>
    expect(messages(schema.safeParse({ ...valid, salesPen: '-1', volume: '1.234', productivity: '1,5', averageMemberNetIncomePen: '1000000000000' }))).toEqual({
      salesPen: 'networks:validation.amount',
      volume: 'networks:validation.amount',
      productivity: 'networks:validation.amount',
      averageMemberNetIncomePen: 'networks:validation.amount',
    }));
  it('limits units to 20 and 40 characters and labels to 30 of 100 characters', () =>
    expect(messages(schema.safeParse({
      ...valid, volumeUnit: 'x'.repeat(21), productivityUnit: '', marketChannels: Array.from({ length: 31 }, (_, i) => `Canal ${i}`).join('\n'),
      postHarvestPractices: 'y'.repeat(101),
    }))).toEqual({
      volumeUnit: 'networks:validation.unitLength20',
      productivityUnit: 'validation.required',
      marketChannels: 'networks:validation.labelsTooMany',
      postHarvestPractices: 'networks:validation.labelTooLong',
    }));
});
