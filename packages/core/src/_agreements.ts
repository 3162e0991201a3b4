import type { Agreement, AgreementVersion } from './_agreement.ts';
import { agreementVersionSchema } from './_agreement.ts';
import { agreement2021 } from './_agreement-2021.ts';
import { agreement2025 } from './_agreement-2025.ts';

/** Every agreement version, oldest first: `2021` the original, `2025` the revision after the midterm review. */
export const AGREEMENT_VERSIONS: readonly AgreementVersion[] = agreementVersionSchema.options;

const AGREEMENTS: Readonly<Record<AgreementVersion, Agreement>> = {
  '2021': agreement2021,
  '2025': agreement2025,
};

/** The agreement data of one version: the targets, KPIs and themes a report measures against. */
export function getAgreement(version: AgreementVersion): Agreement {
  return AGREEMENTS[version];
}
