// What completing an application does, per type. Runs inside the completing transaction: the
// office, the accounts, the pledges and the scheduled stops commit with the state change or not at all.
import { randomInt } from 'node:crypto';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Audit } from '../audit/audit.js';
import { AppError, assertValid } from '../common/errors.js';
import { todayInTokyo } from '../common/dates.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { OfficeStatus } from '../offices/office.enums.js';
import { User } from '../users/user.entity.js';
import { Role, UserStatus } from '../users/user.enums.js';
import { Application } from './application.entity.js';
import { ApplicationType } from './application.enums.js';
import type { IdStopPayload, RegistrationPayload, StaffAdditionPayload, StaffRow } from './application.payload.js';
import { Pledge, PledgeKind } from './pledge.entity.js';
import { endMembershipsOnStop } from '../rooms/memberships.js';

/** Login IDs the vendor issues: municipality code + 5 random digits, e.g. 082015-48213. */
async function newLoginId(em: EntityManager, municipality: Municipality, taken: Set<string>): Promise<string> {
  for (;;) {
    const id = `${municipality.code}-${randomInt(10000, 100000)}`;
    if (!taken.has(id) && (await em.count(User, { loginId: id })) === 0) {
      taken.add(id);
      return id;
    }
  }
}

async function issueAccounts(em: EntityManager, audit: Audit, app: Application, office: Office, staff: StaffRow[]): Promise<User[]> {
  const municipality = await app.municipality.loadOrFail();
  const taken = new Set<string>();
  const users: User[] = [];
  for (const s of staff) {
    const user = em.create(User, {
      loginId: await newLoginId(em, municipality, taken),
      role: Role.OFFICE,
      office,
      municipality,
      officeAdmin: s.officeAdmin,
      name: s.name,
      nameKana: s.nameKana,
      jobType: s.jobType,
      jobTypeOther: s.jobTypeOther ?? null,
      careManagerNumber: s.careManagerNumber ?? null,
      ictLinkage: s.ictLinkage,
      email: s.email ?? null,
      // no password: the user activates with the code from the credentials letter
      status: UserStatus.PENDING,
      passwordHash: null,
    });
    em.create(Pledge, { kind: PledgeKind.EMPLOYEE, office, user, application: app, signerName: s.name, pledgedOn: s.pledgedOn });
    audit.record({
      action: 'user.create',
      target: { type: 'User', id: user.id },
      municipalityId: municipality.id,
      officeId: office.id,
      detail: { loginId: user.loginId, via: 'application', applicationId: app.id },
    });
    users.push(user);
  }
  return users;
}

export async function completeApplication(em: EntityManager, audit: Audit, app: Application): Promise<void> {
  switch (app.type) {
    case ApplicationType.OFFICE_REGISTRATION: {
      const p = app.payload as unknown as RegistrationPayload;
      if (p.office.officeNumber && (await em.count(Office, { officeNumber: p.office.officeNumber }))) assertValid([{ field: 'officeRegistration.office.officeNumber', code: 'TAKEN' }]);
      const office = em.create(Office, { ...p.office, municipality: app.municipality, status: OfficeStatus.ACTIVE });
      em.create(Pledge, { kind: PledgeKind.OFFICE, office, application: app, signerName: p.office.representativeName, pledgedOn: p.officePledgedOn });
      audit.record({
        action: 'office.create',
        target: { type: 'Office', id: office.id },
        municipalityId: app.municipality.id,
        officeId: office.id,
        detail: { via: 'application', applicationId: app.id },
      });
      app.office = ref(office);
      await issueAccounts(em, audit, app, office, p.staff);
      return;
    }
    case ApplicationType.STAFF_ADDITION: {
      const office = await app.office!.loadOrFail();
      if (office.status !== OfficeStatus.ACTIVE) throw new AppError('BAD_USER_INPUT', { fields: [{ field: 'office', code: 'OFFICE_INACTIVE' }] });
      await issueAccounts(em, audit, app, office, (app.payload as unknown as StaffAdditionPayload).staff);
      return;
    }
    case ApplicationType.ID_STOP: {
      const p = app.payload as unknown as IdStopPayload;
      // blank = the day it is carried out; the account works until the end of that day
      const stopDate = p.stopDate ?? todayInTokyo();
      const users = await em.find(User, { id: { $in: p.userIds }, office: app.office!.id, status: { $ne: UserStatus.STOPPED } });
      for (const user of users) {
        user.stopDate = stopDate;
        audit.record({
          action: 'user.stop_scheduled',
          target: { type: 'User', id: user.id },
          municipalityId: app.municipality.id,
          officeId: app.office!.id,
          detail: { stopDate, applicationId: app.id },
        });
      }
      await endMembershipsOnStop(
        em,
        users.map((u) => u.id),
        stopDate,
      );
      app.payload = { ...app.payload, stopDate };
      return;
    }
  }
}
