import { definePipeline } from '@ekoraportti/runner';

/** The final review (loppuarviointi) against the 2027 targets of the revised agreement. */
export const pipeline = definePipeline({
  name: 'final-review',
  title: { fi: 'Loppuarviointi', en: 'Final review' },
  description: {
    fi: 'Loppuarviointi tarkistetun sopimuksen vuoden 2027 tavoitteista',
    en: 'Final review against the 2027 targets of the revised agreement',
  },
  defaultAgreement: '2025',
  defaultAsOf: { kind: 'fixed', date: '2027-12-31' },
  exampleAsOf: '2027-12-31',
  sections: ['summary', 'areas', 'funding', 'projects', 'dataQuality'],
  showRevision: false,
  quarterly: false,
});
