// 同意書の一覧 (the consents register): who may read it and record a withdrawal there. The
// register is the city's: it holds the patients' names, so only the CITY of the municipality
// reads it (room members see their room's consent on the room page; VENDOR never).
import type { Viewer } from '../context.js';
import { is, type PanelAbilities } from '../authz/policy.js';

export const consentPolicy = {
  /** The register of a municipality: its CITY users. */
  readRegister: (v: Viewer) => is.city(v),
  /** Which consents: those of the viewer's municipality's patients. */
  municipalityOf: (v: Viewer): string | null => (is.city(v) ? v.municipalityId : null),
};

export const consentAbilities: PanelAbilities = {
  consents: {
    list: consentPolicy.readRegister,
    show: consentPolicy.readRegister,
    export: consentPolicy.readRegister,
    // recording a withdrawal from the register calls withdrawConsent, whose own rule is the room's
    withdraw: consentPolicy.readRegister,
  },
};
