import { definePipeline } from '@ekoraportti/runner';

/** The steering group's quarterly report (johtoryhmän neljännesvuosiraportti), against the revised agreement. */
export const pipeline = definePipeline({
  name: 'steering-group',
  title: { fi: 'Johtoryhmän neljännesvuosiraportti', en: "Steering group's quarterly report" },
  description: {
    fi: 'Johtoryhmän neljännesvuosiraportti tarkistetun sopimuksen tavoitteista',
    en: "The steering group's quarterly report against the revised agreement",
  },
  defaultAgreement: '2025',
  defaultAsOf: { kind: 'lastFullQuarter' },
  exampleAsOf: '2025-09-30',
  sections: ['summary', 'delta', 'areas', 'funding', 'dataQuality'],
  showRevision: false,
  quarterly: true,
});
