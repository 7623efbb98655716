// The one exception to "only a city prints activation codes": the first CITY account of a
// municipality that has none (README "Bootstrap: the first CITY account"). Run by the operator on
// the server (npm run bootstrap-city), never through the API, and made loud on purpose:
//   - only while the municipality has no ACTIVE or LOCKED CITY account (nobody there who could
//     print a letter), and no other PENDING one unless that is the account named;
//   - an audit event in the municipality (the city sees it once it signs in; VENDOR sees the
//     account event, never the code);
//   - a notice to the municipality's registered contact address, and the code itself either in a
//     second mail to that address only (kind activation.bootstrap_code, which the outbox never
//     shows to VENDOR) or, with --print-code, on the operator's console and nowhere else.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent, AuditOutcome } from '../audit/audit-event.entity.js';
import { issueActivationCodes } from '../auth/activation.js';
import { patterns } from '../common/formats.js';
import { enqueueMail } from '../mail/outbox.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { cityBootstrapCode, cityBootstrapNotice } from './account-mails.js';
import { User } from './user.entity.js';
import { JobType, Role, UserStatus } from './user.enums.js';

export interface BootstrapCityInput {
  municipalityCode: string;
  loginId: string;
  /** needed for a new account; ignored when re-issuing the code of an existing PENDING one */
  name?: string;
  nameKana?: string;
  email?: string | null;
  /** print the code on the console instead of mailing it to the contact address */
  printCode: boolean;
  publicUrl: string;
}

export interface BootstrapCityResult {
  loginId: string;
  municipalityName: string;
  contactEmail: string;
  /** true: a new code for an existing PENDING CITY account */
  reissued: boolean;
  /** only with printCode: the code to hand over; otherwise null (it went by mail) */
  code: string | null;
  expiresAt: Date;
}

/** Refused, with the reason for the operator. */
export class BootstrapRefused extends Error {}

export async function bootstrapCityAccount(em: EntityManager, input: BootstrapCityInput): Promise<BootstrapCityResult> {
  return em.transactional(async (tx) => {
    // the row lock serializes two bootstraps of one municipality
    const municipality = await tx.findOne(Municipality, { code: input.municipalityCode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!municipality) throw new BootstrapRefused(`No municipality with code ${input.municipalityCode}.`);
    const cityAccounts = await tx.find(User, { municipality, role: Role.CITY, status: { $ne: UserStatus.STOPPED } });
    const working = cityAccounts.filter((u) => u.status !== UserStatus.PENDING);
    if (working.length) {
      throw new BootstrapRefused(
        `${municipality.name} already has CITY accounts (${working.map((u) => u.loginId).join(', ')}): further ones are issued by VENDOR and activated with codes its city prints.`,
      );
    }
    const contactEmail = municipality.contactEmail?.trim();
    if (!contactEmail) throw new BootstrapRefused(`${municipality.name} has no contact e-mail address: register it first (Municipalities → edit); the bootstrap is announced there.`);

    let user = await tx.findOne(User, { loginId: input.loginId });
    const reissued = !!user;
    if (user) {
      if (user.role !== Role.CITY || user.municipality?.id !== municipality.id || user.status !== UserStatus.PENDING) {
        throw new BootstrapRefused(`Login ID "${input.loginId}" is taken by another account.`);
      }
    } else {
      const pending = cityAccounts.filter((u) => u.status === UserStatus.PENDING);
      if (pending.length)
        throw new BootstrapRefused(`${municipality.name} has a PENDING CITY account (${pending.map((u) => u.loginId).join(', ')}): run again with --login-id ${pending[0].loginId} for a new code.`);
      if (!patterns.loginId.test(input.loginId)) throw new BootstrapRefused('Login IDs are 4–32 letters, digits, ".", "_" or "-".');
      const name = input.name?.trim();
      const nameKana = input.nameKana?.trim();
      if (!name) throw new BootstrapRefused('--name is required for a new account.');
      if (!nameKana || !patterns.katakana.test(nameKana)) throw new BootstrapRefused('--name-kana is required, in katakana.');
      const email = input.email?.trim().toLowerCase() || null;
      if (email && !patterns.email.test(email)) throw new BootstrapRefused('--email is not an e-mail address.');
      user = tx.create(User, { loginId: input.loginId, role: Role.CITY, municipality, name, nameKana, jobType: JobType.ADMINISTRATOR, email, status: UserStatus.PENDING, passwordHash: null });
    }

    const codes = await issueActivationCodes(tx, [user]);
    const { code, expiresAt } = codes.get(user.id)!;
    tx.create(AuditEvent, {
      action: 'user.bootstrap_city',
      outcome: AuditOutcome.SUCCESS,
      actorLoginId: 'bootstrap-city',
      targetType: 'User',
      targetId: user.id,
      municipalityId: municipality.id,
      detail: { loginId: user.loginId, role: Role.CITY, reissued, announcedTo: contactEmail, codeDelivery: input.printCode ? 'operator_console' : 'contact_email' },
    });
    const account = { loginId: user.loginId, name: user.name };
    enqueueMail(tx, { ...cityBootstrapNotice(municipality.name, account, !input.printCode, input.publicUrl), to: contactEmail, municipalityId: municipality.id });
    if (!input.printCode) enqueueMail(tx, { ...cityBootstrapCode(municipality.name, account, code, expiresAt, input.publicUrl), to: contactEmail, municipalityId: municipality.id });
    await tx.flush();
    return { loginId: user.loginId, municipalityName: municipality.name, contactEmail, reissued, code: input.printCode ? code : null, expiresAt };
  });
}
