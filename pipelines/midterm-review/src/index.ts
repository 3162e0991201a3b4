import { definePipeline } from '@ekoraportti/runner';

/**
 * The TEM midterm review (väliarviointi): where the original agreement's targets stood, the
 * 2023 targets at their deadline, and what the 2025 revision changed.
 */
export const pipeline = definePipeline({
  name: 'midterm-review',
  title: { fi: 'Väliarviointi', en: 'Midterm review' },
  description: {
    fi: 'TEM:n väliarviointi alkuperäisen sopimuksen tavoitteista ja vuoden 2025 tarkistuksen muutoksista',
    en: "TEM's midterm review against the original agreement, with what the 2025 revision changed",
  },
  // The review measures the agreement as signed in 2021; the revision is its outcome.
  defaultAgreement: '2021',
  defaultAsOf: { kind: 'fixed', date: '2024-12-31' },
  exampleAsOf: '2024-12-31',
  sections: ['summary', 'revision', 'areas', 'funding', 'projects', 'dataQuality'],
  showRevision: true,
  quarterly: false,
});
